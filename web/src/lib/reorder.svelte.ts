// Moving agenda items within their section (DESIGN.md section 4): the ↑ ↓ buttons, Alt+Arrow keys in a row, the
// handle (Space to pick up, arrows to move, Space to drop, Escape to cancel, as in the WAI-ARIA drag-and-drop
// practice) and drag and drop. The state spans all rows of the editor, so it lives here rather than in one row.
import { tick } from 'svelte';
import { dropOnto, movePosition, moveWithinSection, type FlatItem } from './meeting';

export interface MoveHost {
  items: () => FlatItem[];
  // Runs a step after the edits before it: moves and field edits share one queue.
  queue: (step: () => Promise<void>) => void;
  // Stores the item's new position; true when stored (the agenda is then read again), false when refused.
  store: (item: FlatItem, position: number) => Promise<boolean>;
  announce: (text: string) => void;
}

export class AgendaMoves {
  grabbed = $state<number | null>(null);
  dragging = $state<number | null>(null);
  dropTarget = $state<number | null>(null);
  // The pending order while an item is picked up with the keyboard.
  preview = $state<number[] | null>(null);
  shown = $derived.by(() => {
    const items = this.host.items();
    if (!this.preview) return items;
    const byId = new Map(items.map((item) => [item.id, item]));
    return this.preview.map((id) => byId.get(id)!).filter(Boolean);
  });
  private grabOrigin: number[] | null = null;

  constructor(private host: MoveHost) {}

  // A move is one PATCH of the item's stored position, queued with the field edits so it carries the version the
  // previous edit left. Moving renumbers the items in between, so the agenda is read again afterwards; the focus
  // stays on the moved item's handle.
  private saveOrder(order: number[], moved: number) {
    this.host.queue(() => this.saveMove(moved, order));
  }

  private async saveMove(id: number, order: number[]) {
    const items = this.host.items();
    const item = items.find((one) => one.id === id);
    const position = movePosition(items, order, id);
    if (!item || position === null) {
      this.preview = null;
      return;
    }
    try {
      if (await this.host.store(item, position)) this.host.announce(`${item.title} moved to position ${order.indexOf(id) + 1}.`);
    } finally {
      this.preview = null;
    }
    await tick();
    document.getElementById(`handle-${id}`)?.focus();
  }

  move(id: number, delta: number) {
    const order = moveWithinSection(this.host.items(), id, delta);
    if (order) this.saveOrder(order, id);
    else this.host.announce('It cannot move further within its section.');
  }

  // Keyboard reordering on the handle, as in the WAI-ARIA drag-and-drop practice.
  handleKey(event: KeyboardEvent, item: FlatItem) {
    const items = this.host.items();
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      if (this.grabbed === null) {
        this.grabbed = item.id;
        this.grabOrigin = items.map((one) => one.id);
        this.preview = [...this.grabOrigin];
        this.host.announce(`${item.title} picked up. Use the up and down arrow keys to move it, Space to drop it, Escape to cancel.`);
      } else {
        const order = this.preview ?? items.map((one) => one.id);
        const id = this.grabbed;
        this.grabbed = null;
        if (this.grabOrigin && order.join() === this.grabOrigin.join()) {
          this.preview = null;
          this.host.announce(`${item.title} dropped where it was.`);
        } else this.saveOrder(order, id);
      }
    } else if (this.grabbed !== null && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const order = moveWithinSection(this.shown, this.grabbed, event.key === 'ArrowUp' ? -1 : 1);
      if (order) {
        this.preview = order;
        this.host.announce(`Position ${order.indexOf(this.grabbed) + 1} of ${order.length}.`);
        tick().then(() => document.getElementById(`handle-${this.grabbed}`)?.focus());
      }
    } else if (event.key === 'Escape' && this.grabbed !== null) {
      event.preventDefault();
      this.grabbed = null;
      this.preview = null;
      this.host.announce('Move cancelled.');
    }
  }

  rowKey(event: KeyboardEvent, item: FlatItem) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.move(item.id, event.key === 'ArrowUp' ? -1 : 1);
  }

  dragStart(event: DragEvent, item: FlatItem) {
    this.dragging = item.id;
    event.dataTransfer?.setData('text/plain', String(item.id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  dragOver(event: DragEvent, item: FlatItem) {
    if (this.dragging === null) return;
    const from = this.host.items().find((one) => one.id === this.dragging);
    if (!from || from.section !== item.section) return;
    event.preventDefault();
    this.dropTarget = item.id;
  }

  dragLeave(item: FlatItem) {
    this.dropTarget = this.dropTarget === item.id ? null : this.dropTarget;
  }

  drop(event: DragEvent, item: FlatItem) {
    event.preventDefault();
    const id = this.dragging ?? Number(event.dataTransfer?.getData('text/plain'));
    this.dragging = null;
    this.dropTarget = null;
    const order = dropOnto(this.host.items(), id, item.id);
    if (order) this.saveOrder(order, id);
  }

  dragEnd() {
    this.dragging = null;
    this.dropTarget = null;
  }
}

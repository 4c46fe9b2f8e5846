// Component behaviour in jsdom, with fetch replaced: what the user sees and what is sent.
import {fireEvent, render, screen, waitFor} from '@testing-library/svelte';
import {afterEach, describe, expect, it, vi} from 'vitest';

import Settings from '../screens/Settings.svelte';

import AgendaEditor from './AgendaEditor.svelte';
import HeatMap from './HeatMap.svelte';
import Proposals from './Proposals.svelte';
import RegisterForm from './RegisterForm.svelte';
import SeriesMembers from './SeriesMembers.svelte';
import Sparkline from './Sparkline.svelte';

import { registerOf, type Row } from '../lib/registers';
import type { AgendaDoc } from '../lib/meeting';
import type { Band } from '../lib/risk';
import { session, type Role, type SessionInfo } from '../lib/session.svelte';

afterEach(() => vi.unstubAllGlobals());

function reply(status: number, body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    }),
  );
}

describe('RegisterForm', () => {
  it('labels every field and shows the API field errors next to the fields', async () => {
    const fetch = vi.fn().mockReturnValue(
      reply(422, {
        title: 'Unprocessable Content',
        status: 422,
        detail: 'invalid input',
        errors: [
          { field: 'likelihood', message: 'must be between 1 and 5 on the 5x5 risk matrix, not 9' },
          { field: 'residual_score', message: 'cannot be above the inherent score' },
        ],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    render(RegisterForm, { register: registerOf('risks')!, row: null, onsaved: () => {} });

    for (const label of ['Title', 'Owner', 'Likelihood', 'Impact', 'Treatment due', 'Next review']) expect(screen.getByLabelText(new RegExp(`^${label}`))).toBeTruthy();
    await fireEvent.input(screen.getByLabelText(/^Title/), { target: { value: 'Ransomware' } });
    await fireEvent.input(screen.getByLabelText(/^Likelihood/), { target: { value: '9' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create risk' }));

    await waitFor(() => expect(screen.getByText(/must be between 1 and 5/)).toBeTruthy());
    const likelihood = screen.getByLabelText(/^Likelihood/);
    expect(likelihood.getAttribute('aria-invalid')).toBe('true');
    expect(likelihood.getAttribute('aria-describedby')).toContain('risks-likelihood-error');
    // A message for a field without an input (a derived one) is in the alert.
    expect(screen.getByRole('alert').textContent).toContain('cannot be above the inherent score');
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({ title: 'Ransomware', likelihood: 9 });
  });

  it('sends only the changed fields, with If-Match', async () => {
    const stamp = { created_at: '2026-01-05T10:00:00Z', created_by: 'admin', updated_at: '2026-01-05T10:00:00Z', updated_by: 'admin' };
    const row: Row = { id: 12, ref: 'RSK-12', version: 3, ...stamp, title: 'Old', likelihood: 2, impact: 3, owner: 1, status: 'open' };
    const fetch = vi.fn().mockReturnValue(reply(200, { ...row, title: 'New', version: 4 }));
    vi.stubGlobal('fetch', fetch);
    const onsaved = vi.fn();
    render(RegisterForm, { register: registerOf('risks')!, row, onsaved });
    await fireEvent.input(screen.getByLabelText(/^Title/), { target: { value: 'New' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalled());
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/v1/risks/12');
    expect(init.headers['If-Match']).toBe('"3"');
    expect(JSON.parse(init.body)).toEqual({ title: 'New' });
  });
});

const agenda = {
  meeting: { id: 5 },
  attendees: [],
  sections: [
    {
      key: 'risks',
      title: 'Risks',
      items: [1, 2, 3].map((id) => ({
        id,
        version: id + 10,
        position: [0, 1, 3, 4][id], // a removed item at 2
        number: id,
        title: `Risk item ${id}`,
        presenter: null,
        timebox_minutes: 5,
        sources: [],
        covers: null,
        notes: null,
        outcome: null,
        manual: false,
      })),
    },
  ],
  total_minutes: 15,
  duration_minutes: 60,
  over_time: false,
  coverage: [],
  kpis: [],
} as unknown as AgendaDoc;

describe('AgendaEditor', () => {
  it('reorders with the keyboard: Space picks up, arrows move, Space drops and PATCHes the stored position', async () => {
    const fetch = vi.fn().mockReturnValue(reply(200, { id: 1, version: 12, section: 'risks', title: 'Risk item 1', presenter: null, timebox_minutes: 5 }));
    vi.stubGlobal('fetch', fetch);
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate: async () => {} });
    const handle = screen.getByRole('button', { name: 'Move Risk item 1' });
    await fireEvent.keyDown(handle, { key: ' ' });
    expect(handle.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Move Risk item 1' }), { key: 'ArrowDown' });
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Move Risk item 1' }), { key: 'ArrowDown' });
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Move Risk item 1' }), { key: ' ' });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/v1/meetings/5/agenda/items/1');
    expect(init.method).toBe('PATCH');
    expect(init.headers['If-Match']).toBe('"11"');
    // After item 3, which is stored at 4: the item taken out, 4 is the place after it.
    expect(JSON.parse(init.body)).toEqual({ position: 4 });
    await waitFor(() => expect(document.querySelector('[aria-live]')?.textContent).toBe('Risk item 1 moved to position 3.'));
  });

  it('on a 412 of a move says so at the item, reads the agenda again and keeps the focus on the item', async () => {
    const fetch = vi.fn().mockReturnValue(reply(412, { title: 'Precondition Failed', status: 412, detail: 'AI-3 was changed by someone else' }));
    vi.stubGlobal('fetch', fetch);
    const onregenerate = vi.fn(async () => {});
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate });
    await fireEvent.click(screen.getByRole('button', { name: 'Move Risk item 3 up' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Another person changed item 3 ("Risk item 3") while you were moving it'));
    const [path, init] = fetch.mock.calls[0];
    expect([path, init.method, init.headers['If-Match'], init.body]).toEqual(['/api/v1/meetings/5/agenda/items/3', 'PATCH', '"13"', '{"position":3}']);
    expect(onregenerate).toHaveBeenCalledTimes(1);
    const handle = screen.getByRole('button', { name: 'Move Risk item 3' });
    await waitFor(() => expect(document.activeElement).toBe(handle));
    expect(handle.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(screen.getByRole('alert').closest('li')?.getAttribute('data-item')).toBe('3');
  });

  it('on a 404 says the item was removed by another person and reads the agenda again', async () => {
    vi.stubGlobal('fetch', vi.fn().mockReturnValue(reply(404, { title: 'Not Found', status: 404, detail: 'MTG-5 has no agenda item AI-2' })));
    const onregenerate = vi.fn(async () => {});
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate });
    await fireEvent.change(screen.getByLabelText('Title of item 2'), { target: { value: 'My new title' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(
      'Item 2 ("Risk item 2") was removed by another person, so your change was not saved. The agenda has been read again.',
    ));
    expect(onregenerate).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('alert'));
  });

  it('on a 422 says why at the field and puts the stored value back', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockReturnValue(reply(422, { title: 'Invalid input', status: 422, detail: 'invalid input', errors: [{ field: 'timebox_minutes', message: 'must be between 0 and 600' }] })),
    );
    const onregenerate = vi.fn(async () => {});
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate });
    const minutes = screen.getByLabelText('Minutes for item 2') as HTMLInputElement;
    await fireEvent.change(minutes, { target: { value: '900' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Minutes "900" was not saved: must be between 0 and 600. The field shows the stored value again.'));
    expect(minutes.value).toBe('5');
    expect(document.activeElement).toBe(minutes);
    expect(minutes.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(onregenerate).not.toHaveBeenCalled();
  });

  it('Escape cancels a move without saving', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate: async () => {} });
    const handle = screen.getByRole('button', { name: 'Move Risk item 2' });
    await fireEvent.keyDown(handle, { key: 'Enter' });
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Move Risk item 2' }), { key: 'ArrowUp' });
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Move Risk item 2' }), { key: 'Escape' });
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getAllByRole('button', { name: /^Move Risk item \d$/ }).map((button) => button.getAttribute('aria-label'))).toEqual([
      'Move Risk item 1',
      'Move Risk item 2',
      'Move Risk item 3',
    ]);
  });

  it('changes one field of one item with a PATCH of that item and its version in If-Match', async () => {
    const fetch = vi.fn().mockReturnValue(reply(200, { id: 2, version: 13, section: 'risks', title: 'Risk item 2', presenter: null, timebox_minutes: 50 }));
    vi.stubGlobal('fetch', fetch);
    const onchange = vi.fn();
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange, onregenerate: async () => {} });
    await fireEvent.change(screen.getByLabelText('Minutes for item 2'), { target: { value: '50' } });
    await waitFor(() => expect(onchange).toHaveBeenCalled());
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/v1/meetings/5/agenda/items/2');
    expect(init.method).toBe('PATCH');
    expect(init.headers['If-Match']).toBe('"12"');
    expect(JSON.parse(init.body)).toEqual({ timebox_minutes: 50 });
    const next = onchange.mock.calls[0][0] as AgendaDoc;
    expect(next.sections[0].items[1]).toMatchObject({ version: 13, timebox_minutes: 50 });
    expect(next.total_minutes).toBe(60);
    expect(next.over_time).toBe(false);
  });

  it('on a 412 says another person changed the item, reads the agenda again and puts the focus back on the field', async () => {
    const fetch = vi.fn().mockReturnValue(reply(412, { title: 'Precondition Failed', status: 412, detail: 'AI-2 was changed by someone else' }));
    vi.stubGlobal('fetch', fetch);
    const onregenerate = vi.fn(async () => {});
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate });
    const title = screen.getByLabelText('Title of item 2') as HTMLInputElement;
    await fireEvent.change(title, { target: { value: 'My new title' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Another person changed item 2 ("Risk item 2")'));
    expect(onregenerate).toHaveBeenCalledTimes(1);
    // The field shows what is stored, not the change that was not saved, and has the focus.
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(title.value).toBe('Risk item 2');
    // Said at the item and tied to the field, whose change it is about.
    expect(title.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
  });

  it('sends two quick edits of one item one after the other, the second with the version the first left', async () => {
    const fetch = vi
      .fn()
      .mockReturnValueOnce(reply(200, { id: 1, version: 12, section: 'risks', title: 'Renamed', presenter: null, timebox_minutes: 5 }))
      .mockReturnValueOnce(reply(200, { id: 1, version: 13, section: 'risks', title: 'Renamed', presenter: null, timebox_minutes: 9 }));
    vi.stubGlobal('fetch', fetch);
    render(AgendaEditor, { meetingId: 5, agenda, editable: true, onchange: () => {}, onregenerate: async () => {} });
    await fireEvent.change(screen.getByLabelText('Title of item 1'), { target: { value: 'Renamed' } });
    await fireEvent.change(screen.getByLabelText('Minutes for item 1'), { target: { value: '9' } });
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls.map(([, init]) => init.headers['If-Match'])).toEqual(['"11"', '"12"']);
  });

  it('shows no edit controls when the agenda is not editable', () => {
    render(AgendaEditor, { meetingId: 5, agenda, editable: false, onchange: () => {}, onregenerate: async () => {} });
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.getByText('Risk item 2')).toBeTruthy();
  });
});

describe('charts', () => {
  it('draws a trend line with a text alternative', () => {
    const { container } = render(Sparkline, { props: { values: [90, 92, 95], target: 95, label: 'Trend: 90, 92, 95' } });
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toBe('Trend: 90, 92, 95');
    expect(container.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
  });

  it('puts counts in the matrix cells, highest likelihood first', () => {
    const counts = [
      [1, 0, 0],
      [0, 0, 0],
      [0, 0, 4],
    ];
    const bands = [
      ['low', 'medium', 'medium'],
      ['medium', 'high', 'critical'],
      ['medium', 'critical', 'critical'],
    ] as Band[][];
    render(HeatMap, { props: { id: 'h', caption: 'Inherent', counts, bands } });
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1].textContent).toContain('Likelihood 3');
    expect(rows[1].textContent).toContain('4 risks, score 9 (critical)');
    expect(rows[3].textContent).toContain('1 risk, score 1 (low)');
    expect(rows[2].textContent).toContain('none, score 4 (high)');
  });

  it("colours each cell by the band the server names, not by its own guess", () => {
    const bands = [
      ['critical', 'low', 'low'],
      ['low', 'low', 'low'],
      ['low', 'low', 'low'],
    ] as Band[][];
    const counts = bands.map((row) => row.map(() => 0));
    const { container } = render(HeatMap, { props: { id: 'h', caption: 'Residual', counts, bands } });
    const cell = container.querySelector('tbody tr:last-child td');
    expect(cell?.classList.contains('critical')).toBe(true);
    expect(cell?.getAttribute('title')).toBe('Score 1, critical');
    expect(container.querySelectorAll('td.low')).toHaveLength(8);
  });
});

describe('Settings', () => {
  const saved = { 'risk.appetite': 9, 'risk.matrix_size': 5, 'sla.critical_days': 15, 'sla.high_days': 30, 'sla.medium_days': 90, 'sla.low_days': 180 };
  const as = (role: Role) => (session.info = { role, person: null, user: { role } } as unknown as SessionInfo);
  afterEach(() => (session.info = null));

  it('lets an admin change a setting: only that one is sent, and a refusal is shown at its field', async () => {
    as('admin');
    const fetch = vi
      .fn()
      .mockReturnValueOnce(reply(200, saved))
      .mockReturnValueOnce(
        reply(422, { title: 'Invalid input', status: 422, detail: 'risk.appetite', errors: [{ field: 'risk.appetite', message: 'must be between 1 and 25' }] }),
      )
      .mockReturnValueOnce(reply(200, { ...saved, 'risk.appetite': 12 }));
    vi.stubGlobal('fetch', fetch);
    render(Settings);
    const appetite = await screen.findByLabelText(/^Risk appetite/);
    expect((appetite as HTMLInputElement).value).toBe('9');

    await fireEvent.input(appetite, { target: { value: '30' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(appetite.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(appetite.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('must be between 1 and 25');
    expect(document.activeElement).toBe(appetite);
    const [path, init] = fetch.mock.calls[1];
    expect([path, init.method, init.headers['If-Match']]).toEqual(['/api/v1/config', 'PATCH', undefined]);
    expect(JSON.parse(init.body)).toEqual({ 'risk.appetite': 30 });

    await fireEvent.input(appetite, { target: { value: '12' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(JSON.parse(fetch.mock.calls[2][1].body)).toEqual({ 'risk.appetite': 12 });
    expect(appetite.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the settings to everyone else, with nothing to change', async () => {
    as('chair');
    vi.stubGlobal('fetch', vi.fn().mockReturnValue(reply(200, saved)));
    render(Settings);
    const row = await screen.findByRole('row', { name: /Risk appetite/ });
    expect(row.textContent).toContain('9');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('SeriesMembers', () => {
  const series = { id: 4, ref: 'SER-4', version: 1, name: 'ISMS maintenance' } as unknown as Row;
  afterEach(() => (session.info = null));

  it('lists the members, changes a role and removes one, reading the list again after each change', async () => {
    session.info = { role: 'chair', person: null, user: { role: 'chair' } } as unknown as SessionInfo;
    let members = [
      { series: 4, person: 1, name: 'Alice ISO', role: 'chair' },
      { series: 4, person: 2, name: 'Bob IT', role: 'member' },
    ];
    const fetch = vi.fn((path: string, init: RequestInit) => {
      if (path.startsWith('/api/v1/people')) return reply(200, { items: [], total: 0, limit: 500, offset: 0 });
      if (init.method === 'POST') {
        const body = JSON.parse(String(init.body));
        members = members.map((member) => (member.person === body.person ? { ...member, role: body.role } : member));
        return reply(200, { series: 4, person: body.person, role: body.role });
      }
      if (init.method === 'DELETE') {
        members = members.filter((member) => !path.endsWith(`/${member.person}`));
        return Promise.resolve(new Response(null, { status: 204 }));
      }
      return reply(200, members);
    });
    vi.stubGlobal('fetch', fetch);
    render(SeriesMembers, { series });
    await waitFor(() => expect(screen.getByText('Bob IT')).toBeTruthy());
    await fireEvent.change(screen.getByLabelText('Role of Bob IT'), { target: { value: 'minute_taker' } });
    await waitFor(() => expect(fetch.mock.calls.some(([path, init]) => init.method === 'POST' && path === '/api/v1/meeting-series/4/members')).toBe(true));
    const post = fetch.mock.calls.find(([, init]) => init.method === 'POST')!;
    expect(JSON.parse(String(post[1].body))).toEqual({ person: 2, role: 'minute_taker' });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Bob IT' }));
    await waitFor(() => expect(screen.queryByText('Bob IT')).toBeNull());
    expect(fetch.mock.calls.some(([path, init]) => init.method === 'DELETE' && path === '/api/v1/meeting-series/4/members/2')).toBe(true);
  });

  it('says why the server refused a change, at the panel', async () => {
    session.info = { role: 'chair', person: null, user: { role: 'chair' } } as unknown as SessionInfo;
    const fetch = vi.fn((path: string, init: RequestInit) => {
      if (path.startsWith('/api/v1/people')) return reply(200, { items: [], total: 0, limit: 500, offset: 0 });
      if (init.method === 'POST')
        return reply(409, { title: 'Conflict', status: 409, detail: 'SER-4 is chaired by PER-1; change the chair with `clause9 series update SER-4 --chair PER-2`' });
      return reply(200, [{ series: 4, person: 2, name: 'Bob IT', role: 'member' }]);
    });
    vi.stubGlobal('fetch', fetch);
    render(SeriesMembers, { series });
    await waitFor(() => expect(screen.getByText('Bob IT')).toBeTruthy());
    await fireEvent.change(screen.getByLabelText('Role of Bob IT'), { target: { value: 'chair' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('SER-4 is chaired by PER-1'));
  });

  it('shows the members without controls to an auditor', async () => {
    session.info = { role: 'auditor', person: null, user: { role: 'auditor' } } as unknown as SessionInfo;
    vi.stubGlobal('fetch', vi.fn(() => reply(200, [{ series: 4, person: 2, name: 'Bob IT', role: 'minute_taker' }])));
    render(SeriesMembers, { series });
    await waitFor(() => expect(screen.getByText('Bob IT')).toBeTruthy());
    expect(screen.getByText('minute taker')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByLabelText('Role of Bob IT')).toBeNull();
  });
});

describe('Proposals', () => {
    afterEach(() => (session.info = null));

    function server(proposals: Record<string, unknown>[])
    {
        return vi.fn((path: string, init: RequestInit) => {
            if (path.startsWith('/api/v1/people'))
                return reply(
                    200, {items : [ {id : 2, name : 'Bob IT', active : true} ], total : 1, limit : 500, offset : 0});
            if (init.method === 'POST' && path.endsWith('/proposals')) {
                const body = JSON.parse(String(init.body));
                proposals.push({
                    id : 7,
                    status : 'open',
                    proposed_by : 2,
                    detail : null,
                    sources : '',
                    reason : null,
                    agenda_item : null,
                    ...body
                });
                return reply(201, proposals[proposals.length - 1]);
            }
            if (init.method === 'POST' && path.endsWith('/accept')) {
                Object.assign(proposals[0], {status : 'accepted', agenda_item : 40});
                return reply(200, proposals[0]);
            }
            return reply(200, proposals);
        });
    }

    it('lets an invited member propose an item and offers no chair answers', async () => {
        session.info = {role : 'member', person : 2, user : {role : 'member'}} as unknown as SessionInfo;
        const proposals: Record<string, unknown>[] = [];
        const fetch = server(proposals);
        vi.stubGlobal('fetch', fetch);
        render(Proposals, {meetingId : 3, meetingState : 'planned', onaccepted : () => {}});
        await waitFor(() => expect(screen.getByText('No proposals.')).toBeTruthy());
        await fireEvent.input(screen.getByLabelText('Title'), {target : {value : 'Backups of the HR laptops'}});
        await fireEvent.change(screen.getByLabelText('Kind'), {target : {value : 'suggestion'}});
        await fireEvent.click(screen.getByRole('button', {name : 'Propose'}));
        await waitFor(() => expect(screen.getByText('Backups of the HR laptops')).toBeTruthy());
        const post = fetch.mock.calls.find(([, init ]) => init.method === 'POST')!;
        expect(post[0]).toBe('/api/v1/meetings/3/proposals');
        expect(JSON.parse(String(post[1].body))).toEqual({title : 'Backups of the HR laptops', kind : 'suggestion'});
        expect(screen.queryByRole('button', {name : /^Accept/})).toBeNull();
    });

    it('lets the chair accept a proposal into a section and reads the agenda again', async () => {
        session.info = {role : 'chair', person : 1, user : {role : 'chair'}} as unknown as SessionInfo;
        const proposals: Record<string, unknown>[] = [
            {
                id : 5,
                title : 'Rotate the VPN keys',
                kind : 'concern',
                detail : null,
                sources : '',
                proposed_by : 2,
                status : 'open',
                reason : null,
                agenda_item : null
            },
        ];
        const fetch = server(proposals);
        vi.stubGlobal('fetch', fetch);
        const onaccepted = vi.fn();
        render(Proposals, {meetingId : 3, meetingState : 'planned', onaccepted});
        const section = await screen.findByLabelText('Section for Rotate the VPN keys');
        await fireEvent.change(section, {target : {value : 'risks'}});
        await fireEvent.click(screen.getByRole('button', {name : 'Accept Rotate the VPN keys'}));
        await waitFor(() => expect(onaccepted).toHaveBeenCalled());
        const post = fetch.mock.calls.find(([, init ]) => init.method === 'POST')!;
        expect(post[0]).toBe('/api/v1/meetings/3/proposals/5/accept');
        expect(JSON.parse(String(post[1].body))).toEqual({section : 'risks'});
        await waitFor(() => expect(screen.getByText('On the agenda (AI-40)')).toBeTruthy());
    });
});

// Risk matrix helpers for the heat map. The API does not expose the configured matrix size or appetite yet, so
// the size is the largest level any risk uses (at least 3, 5 when there are no risks), and the bands are the common
// ones on 1-25 scaled to the matrix: low up to 16 % of the top score, medium to 36 %, high to 64 %, then critical.

export type Band = 'low' | 'medium' | 'high' | 'critical';

export function bandOf(score: number, size: number): Band {
  const share = score / (size * size);
  if (share <= 0.16) return 'low';
  if (share <= 0.36) return 'medium';
  if (share <= 0.64) return 'high';
  return 'critical';
}

export interface RiskLevels {
  likelihood: number;
  impact: number;
  residual_likelihood: number | null;
  residual_impact: number | null;
}

export function matrixSize(risks: RiskLevels[]): number {
  let size = 0;
  for (const risk of risks)
    size = Math.max(size, risk.likelihood, risk.impact, risk.residual_likelihood ?? 0, risk.residual_impact ?? 0);
  return size === 0 ? 5 : Math.min(Math.max(size, 3), 5);
}

// counts[likelihood-1][impact-1], inherent or residual (a risk without residual levels counts at its inherent ones).
export function heatCounts(risks: RiskLevels[], size: number, residual: boolean): number[][] {
  const counts = Array.from({ length: size }, () => Array<number>(size).fill(0));
  for (const risk of risks) {
    const likelihood = residual ? (risk.residual_likelihood ?? risk.likelihood) : risk.likelihood;
    const impact = residual ? (risk.residual_impact ?? risk.impact) : risk.impact;
    if (likelihood >= 1 && likelihood <= size && impact >= 1 && impact <= size) counts[likelihood - 1][impact - 1]++;
  }
  return counts;
}

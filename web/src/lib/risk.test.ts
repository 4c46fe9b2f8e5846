import { describe, expect, it } from 'vitest';
import { bandOf, heatCounts, matrixSize } from './risk';

describe('risk matrix', () => {
  it.each([
    [4, 5, 'low'],
    [5, 5, 'medium'],
    [9, 5, 'medium'],
    [10, 5, 'high'],
    [16, 5, 'high'],
    [20, 5, 'critical'],
    [1, 3, 'low'],
    [9, 3, 'critical'],
  ])('score %i on a %i-matrix is %s', (score, size, band) => {
    expect(bandOf(score, size)).toBe(band);
  });

  const risks = [
    { likelihood: 4, impact: 5, residual_likelihood: 2, residual_impact: 3 },
    { likelihood: 4, impact: 5, residual_likelihood: null, residual_impact: null },
    { likelihood: 1, impact: 2, residual_likelihood: 1, residual_impact: 1 },
  ];

  it('counts inherent and residual positions', () => {
    const inherent = heatCounts(risks, 5, false);
    expect(inherent[3][4]).toBe(2);
    expect(inherent[0][1]).toBe(1);
    const residual = heatCounts(risks, 5, true);
    expect(residual[1][2]).toBe(1);
    expect(residual[3][4]).toBe(1);
    expect(residual[0][0]).toBe(1);
  });

  it('takes the matrix size from the levels in use', () => {
    expect(matrixSize(risks)).toBe(5);
    expect(matrixSize([])).toBe(5);
    expect(matrixSize([{ likelihood: 2, impact: 3, residual_likelihood: null, residual_impact: null }])).toBe(3);
  });
});

// The risk heat map as the server counts it (GET /api/v1/risks/heatmap): the organisation's matrix size and
// appetite, and the open risks by likelihood and impact before and after treatment (6.1.2, 6.1.3). The server also
// names each cell's band, so the UI never guesses the matrix or the band boundaries.

import type { Answer } from './schemas';

// Every map is indexed [likelihood - 1][impact - 1].
export type RiskHeatmap = Answer<'RiskHeatmap'>;

export type Band = RiskHeatmap['bands'][number][number];

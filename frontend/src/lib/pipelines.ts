import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, unwrap } from '../api/client';
import type { Pipeline, Stage } from '../api/types';

/**
 * GET /api/v1/pipelines — shared by the lead conversion and the pipeline pages (pipelines change
 * rarely: one page of them is all there is).
 */
export async function getPipelines(signal?: AbortSignal): Promise<Pipeline[]> {
  const { data } = await unwrap(api.GET('/api/v1/pipelines', { params: { query: { limit: 100 } }, signal }));
  return (data.items).filter((pipeline) => !pipeline.archived_at);
}

export const pipelineKeys = { all: ['pipelines'] as const };

export function pipelinesQueryOptions() {
  return queryOptions({ queryKey: pipelineKeys.all, queryFn: ({ signal }) => getPipelines(signal), staleTime: 300_000 });
}

export function usePipelines(options: { enabled?: boolean } = {}) {
  return useQuery({ ...pipelinesQueryOptions(), enabled: options.enabled ?? true });
}

/** The stages one can put an opportunity in (not archived), in order. */
export function activeStages(pipeline: Pipeline | undefined): Stage[] {
  return (pipeline?.stages ?? []).filter((stage) => !stage.archived_at).sort((a, b) => a.position - b.position);
}

const TEMPLATE_STAGES = [
  'Inquiry',
  'Sample',
  'Quotation',
  'Negotiation',
  'Won',
  'Lost',
  'Discovery',
  'Proposal',
  'Contract',
  'Order',
];

/** The seeded template stage names are stored in English: they are translated; others are shown as stored. */
export function stageLabel(name: string | null | undefined, t: TFunction): string {
  if (!name) return '';
  const key = TEMPLATE_STAGES.find((stage) => stage.toLowerCase() === name.trim().toLowerCase());
  return key ? t(`stages.${key}`) : name;
}

const TEMPLATE_PIPELINES = ['manufacturing', 'services'];

export function pipelineLabel(pipeline: Pick<Pipeline, 'name'>, t: TFunction): string {
  const key = TEMPLATE_PIPELINES.find((name) => name === pipeline.name.trim().toLowerCase());
  return key ? t(`pipelines.${key}`) : pipeline.name;
}

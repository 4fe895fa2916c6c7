import type { components } from '../../api/schema';

/** An SLA policy as the API answers it: every field is always there (updated_at null when never set). */
export type SlaPolicy = components['schemas']['SlaPolicy'];
export type SlaPriority = SlaPolicy['priority'];
export type SlaHours = Pick<SlaPolicy, 'first_response_hours' | 'resolution_hours'>;

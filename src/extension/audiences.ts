import audienceData from '../../data/audiences.yaml';
import { AudienceCatalog, audiencesFromData } from '../core/audience';
import type { CrosswalkConfig } from '../core/types';

/**
 * The audiences' names, for labels and pickers on the extension host: data/audiences.yaml (parsed
 * at build time) and a draft's team audiences, as the language server reports them
 * (`crosswalk/didCheck`, `crosswalk/config`). Only the catalog is bundled here: checking runs in
 * the language server.
 */
export const BUILTIN_AUDIENCES = new AudienceCatalog(audiencesFromData(audienceData).audiences);

export function catalogOf(audiences: CrosswalkConfig['audiences'] | undefined): AudienceCatalog {
  return BUILTIN_AUDIENCES.withTeamAudiences(audiences);
}

export type { AudienceCatalog };

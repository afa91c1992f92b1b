/**
 * Crosswalk's engine, with no rule and no data of its own: `createEngine({rules, glossary,
 * config})` gives `lint`, `createLinter` and config reading. Plain TypeScript with no file or
 * network access, so it runs in Node, in the VS Code extension host and in a browser. The
 * library users load (dist/core.js) is src/index.ts: this engine with Crosswalk's built-in rules.
 */
export { createEngine, type Engine, type RuleInfo } from './engine';
export type { EngineParts, Linter } from './linter';
export type { SliceOptions, Pause } from './glossary-compile';
export type { Rule, RuleMeta, RuleOptionSchema, RawFinding, RawFix, PreparedDocument, PlacedBlock } from './document';
export { AudienceCatalog, audiencesFromData, joinWords, type AudienceDef, type AudienceResolution } from './audience';
export { allowTermEdit, setAudienceEdit, addKnownTermToGlossary, addGlossaryToConfigText, EditRefused } from './edits';
export { applyFixes, sortedEdits, compatibleFixes, fixAllFixes } from './apply-fixes';
export { isInside, normalisePath, resolvePath } from './paths';
export { settingRange } from './settings-location';
export { fixAllPlan, describePlan, type FixAllPlan, type FixAllOptions } from './fix-all';
export { settleFixes, settleFixesAsync, settleFixSteps, composeSplices, MAX_FIX_PASSES, type SettledFixes, type SettleOptions } from './settle-fixes';
export { CONFIG_KEYS } from './config';
export { FRONT_MATTER_KEYS, MESSAGE_TYPES } from './frontmatter';
export { MESSAGE_TYPE_LIST, AUDIENCE_INTERESTS, interestsFor, resolveMessageType, type MessageType, type MessagePart, type Interest } from './message-types';
export * from './types';
export { CONFIG_FILE_NAMES, unseenLinkMessage, type DiscoverOptions, type LoadedConfig, type ReadFile } from './config-discovery';
export { termHoverMarkdown, readabilityHoverMarkdown, sentenceHoverMarkdown, hoverAt, editorMessage, markdownToPlainText, screenReaderText } from './hover-text';
export { mergeConfig } from './merge-config';
export { targetsFromSettings } from './settings-targets';
export { addKnownTermMarked, glossaryAdditions, undoGlossaryAddition, type GlossaryAddition } from './glossary-additions';
export { disableLineEdit } from './disable-line';
export { compileGlob, hasGlobSyntax, literalGlobSyntax, GLOB_LIMITS, type GlobMatcher } from './glob';
export {
  createDraftFilter, parseIgnoreFile, compilePatterns, ignoringRule, ignoredByFiles, ignoredByFilesWithFolders, lastMatch, isDefaultExcludedFolder,
  DEFAULT_EXCLUDED_FOLDERS, DRAFT_FILE, type DraftFilter, type DraftVerdict, type IgnoreFileSet, type IgnoreRule, type PatternProblem,
} from './draft-files';
export { explainTerm, type TermExplanation } from './explain';
export { buildReport, columnOf, ReportLinters, type AudienceReport, type AudienceColumn, type ReportEngine, type ReportFinding, type ReportJargon } from './report';
export { addIgnoredToConfigText, canIgnore, describeIgnored, draftPathFromConfig, ignoreEntryFor, ignoreTitle, withoutIgnored } from './ignored';

import type { Rule } from '../core/document';
import { config } from './config';
import { frontmatter } from './frontmatter';
import { jargon } from './jargon';
import { longParagraph } from './long-paragraph';
import { longSentence } from './long-sentence';
import { passiveVoice } from './passive-voice';
import { placeholder } from './placeholder';
import { readability } from './readability';
import { simplerWord } from './simpler-word';
import { undefinedAcronym } from './undefined-acronym';
import { messageParts } from './message-parts';
import { moscow } from './moscow';
import { phi } from './phi';
import { raci } from './raci';
import { tone } from './tone';
import { interests } from './interests';
import { blame } from './blame';
import { dateCheck } from './date-check';
import { redundantAcronym } from './redundant-acronym';

/** Every rule, in the order the README documents them. */
export const RULES: readonly Rule[] = [
  jargon,
  undefinedAcronym,
  readability,
  simplerWord,
  passiveVoice,
  longSentence,
  longParagraph,
  placeholder,
  phi,
  messageParts,
  interests,
  raci,
  moscow,
  tone,
  blame,
  dateCheck,
  redundantAcronym,
  frontmatter,
  config,
];

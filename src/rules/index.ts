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
  frontmatter,
  config,
];

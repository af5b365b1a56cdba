import { css } from 'lit';

/**
 * The gaps with France: one line per figure, its words always beside its drawing (under it on a
 * narrow screen). Markers are borders — a disc for the territory, a stroke for France — so that
 * they differ by shape, keep their contrast in forced colours, and print without backgrounds.
 */
export const gapStyles = css`
  .profil {
    padding: calc(var(--_space) * 0.75);
  }

  .profil h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.25;
  }

  .profil .publication,
  .gaps-intro,
  .profil .notes {
    margin: 0.25rem 0 0;
    color: var(--_text-muted);
  }

  .profil .notes {
    margin-top: 1rem;
    font-size: 0.875em;
  }

  .gaps-summary p,
  .gaps-legend {
    margin: 0.5rem 0 0;
  }

  .gaps-summary p {
    font-weight: 600;
  }

  .gaps-legend {
    font-size: 0.875em;
    color: var(--_text-muted);
  }

  .gaps-theme h3,
  .gaps-theme h4 {
    margin: 1rem 0 0.25rem;
    font-size: 1em;
  }

  .gap-lines {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .gap {
    display: grid;
    grid-template-columns: minmax(10rem, 2fr) minmax(8rem, 2fr) minmax(12rem, 3fr);
    gap: 0.25rem 1rem;
    align-items: center;
    padding: 0.375rem 0;
    border-top: 1px solid var(--_separator);
  }

  .gap-answer {
    color: var(--_text-muted);
  }

  .gap-question + .gap-answer::before {
    content: '— ';
  }

  /* The further answers of a question: its wording heads the group above. */
  .gap-label > .visually-hidden + .gap-answer {
    padding-inline-start: 1rem;
  }

  .gap-part {
    white-space: nowrap;
  }

  .gap[data-comparison='superieur'] .gap-words,
  .gap[data-comparison='inferieur'] .gap-words {
    font-weight: 600;
  }

  /* The 0–100 % scale: a thin baseline, the gap as a thick stretch, the two markers on it. */
  .gap-scale {
    position: relative;
    align-self: stretch;
    min-block-size: 1.5rem;
  }

  .gap-scale::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-start: 50%;
    border-block-start: 1px solid var(--_border);
  }

  .gap-span,
  .gap-france,
  .gap-here {
    position: absolute;
    box-sizing: border-box;
  }

  .gap-span {
    inset-block-start: calc(50% - 2px);
    border-block-start: 4px solid var(--_text-muted);
  }

  .gap-france {
    inset-block-start: calc(50% - 0.75rem);
    block-size: 1.5rem;
    margin-inline-start: -1.5px;
    border-inline-start: 3px solid var(--_text);
  }

  .gap-here {
    inset-block-start: calc(50% - 0.4375rem);
    inline-size: 0.875rem;
    block-size: 0.875rem;
    margin-inline-start: -0.4375rem;
    border: 0.4375rem solid var(--_accent);
    border-radius: 50%;
  }

  @media (max-width: 40rem) {
    .gap {
      grid-template-columns: 1fr;
    }
  }

  @media print {
    .gaps-theme {
      break-inside: avoid;
    }

    .gap {
      grid-template-columns: 2fr 2fr 3fr;
    }

    .gap-here {
      border-color: #000;
    }
  }
`;

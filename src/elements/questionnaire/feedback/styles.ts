import { css } from 'lit';

/**
 * The feedback under the confirmation. Tables while there is room; below about 30 rem of width
 * (a phone at 320 px) each answer becomes a small block of "column: figure" lines, since five
 * columns of words cannot fit there without breaking words apart. The respondent's row is
 * emphasised by weight and background on top of the check mark and words, never by colour alone.
 * They load with the tables; the frame's own styles (`.feedback`, its status) are in `shell.ts`.
 */
export const feedbackStyles = css`
  .feedback-table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }

  .feedback-table caption {
    padding-bottom: 0.35rem;
    font-weight: 700;
    text-align: left;
  }

  .feedback-table th,
  .feedback-table td {
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--_separator);
    text-align: left;
    vertical-align: top;
  }

  .feedback-table thead th {
    border-bottom: 2px solid var(--_border);
  }

  .feedback-table tbody th {
    font-weight: 400;
  }

  .feedback-table .share {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  .feedback-table .unavailable {
    color: var(--_text-muted);
  }

  .feedback-table tr.own th,
  .feedback-table tr.own td {
    font-weight: 700;
    background: var(--_surface-alt);
  }

  .feedback-notes {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.9rem;
    color: var(--_text-muted);
  }

  @container (max-width: 30rem) {
    .feedback-table,
    .feedback-table caption,
    .feedback-table tbody,
    .feedback-table tr,
    .feedback-table th,
    .feedback-table td {
      display: block;
    }

    /* The column names are repeated in each cell; the header row would only take room. */
    .feedback-table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
    }

    .feedback-table tr {
      border-bottom: 1px solid var(--_separator);
      padding: 0.35rem 0;
    }

    .feedback-table th,
    .feedback-table td {
      border: 0;
      padding: 0.1rem 0.5rem;
    }

    .feedback-table tbody th {
      font-weight: 700;
    }

    .feedback-table td {
      display: flex;
      justify-content: space-between;
      gap: 0.75rem;
      text-align: right;
    }

    .feedback-table td::before {
      content: attr(data-label);
      text-align: left;
      font-weight: 400;
      color: var(--_text);
    }

    /* In a block of its own, "your answer" needs no column name, and an empty cell no line. */
    .feedback-table td.mine {
      justify-content: flex-start;
      gap: 0.35rem;
    }

    .feedback-table td.mine::before {
      content: none;
    }

    .feedback-table td.mine:empty {
      display: none;
    }
  }
`;

/**
 * Quick jump (Ctrl+K anywhere in the workspace): a modal search dialog over the same in-memory
 * index as the case list. With nothing typed it offers the recently opened cases; arrow keys
 * choose, Enter opens the case, Escape closes and gives the focus back to where it was. The input
 * is an ARIA combobox over a listbox, so a screen reader announces the chosen case.
 */
import type { CaseId } from '../../../shared/domain/ids.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CaseRow } from '../../data/repos/cases.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { CaseSearch } from './case-search.ts';
import { searchCases } from './use-cases.ts';

const MAX_RESULTS = 12;

type Props = {
  rows: readonly CaseRow[];
  search: CaseSearch;
  /** Case ids, most recently opened first: shown while nothing is typed. */
  recent: readonly string[];
  onOpen: (caseId: CaseId) => void;
  onClose: () => void;
};

export function QuickJump({ rows, search, recent, onOpen, onClose }: Props) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => {
      element?.close();
      returnTo?.focus();
    };
  }, []);

  const results = useMemo(() => {
    if (query.trim()) return searchCases(search, rows, query).slice(0, MAX_RESULTS);
    const byId = new Map(rows.map((r) => [r.case.id as string, r]));
    const recentRows = recent.flatMap((id) => byId.get(id) ?? []);
    return (recentRows.length ? recentRows : rows).slice(0, MAX_RESULTS);
  }, [query, search, rows, recent]);
  const chosen = Math.min(active, Math.max(0, results.length - 1));

  const open = (row: CaseRow | undefined): void => {
    if (!row) return;
    onOpen(row.case.id);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="quick-jump"
      aria-labelledby="quick-jump-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === dialog.current) onClose();
      }}
    >
      <div className="quick-jump-body">
        <label id="quick-jump-title" htmlFor="quick-jump-input" className="quick-jump-title">
          {t('cases.quickJump.title')}
        </label>
        <input
          id="quick-jump-input"
          type="text"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="quick-jump-results"
          aria-autocomplete="list"
          aria-activedescendant={results[chosen] ? `quick-jump-${results[chosen].case.id}` : undefined}
          aria-describedby="quick-jump-help"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          placeholder={t('cases.searchHint')}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive(Math.min(results.length - 1, chosen + 1));
            else if (e.key === 'ArrowUp') setActive(Math.max(0, chosen - 1));
            else if (e.key === 'Home' && e.ctrlKey) setActive(0);
            else if (e.key === 'End' && e.ctrlKey) setActive(results.length - 1);
            else if (e.key === 'Enter') open(results[chosen]);
            else return;
            e.preventDefault();
          }}
        />
        <p id="quick-jump-help" className="hint">
          {t('cases.quickJump.help')}
        </p>
        <p className="visually-hidden" role="status">
          {query.trim() ? t('cases.found', { count: results.length }) : ''}
        </p>
        {results.length === 0 ? (
          <p className="quick-jump-none">{t('cases.quickJump.none')}</p>
        ) : (
          <ul
            id="quick-jump-results"
            role="listbox"
            aria-label={t('cases.quickJump.results')}
            className="quick-jump-list"
          >
            {results.map((row, k) => (
              <li
                key={row.case.id}
                id={`quick-jump-${row.case.id}`}
                role="option"
                aria-selected={k === chosen}
                className={k === chosen ? 'active' : undefined}
                onMouseMove={() => setActive(k)}
                onClick={() => open(row)}
              >
                <span className="quick-jump-bg">{row.case.bgNumber}</span>
                <span className="quick-jump-name">
                  {row.applicant ? `${row.applicant.lastName}, ${row.applicant.firstName}` : '–'}
                </span>
                <span className="quick-jump-meta">
                  {row.applicant ? formatDate(row.applicant.birthDate, language) : ''}
                  {row.applicant ? ` · ${row.applicant.address.street}, ${row.applicant.address.city}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}

/**
 * The case list: own cases and substitute cases apart (with the substitution's end), each row with
 * BG number, applicant, household size, last incoming document, unread inbox count, follow-ups
 * due and how much of the case is on the device; sortable by every column; filtered while typing in
 * "Akten suchen". Virtualised with TanStack Virtual, so that 10,000 rows scroll smoothly: only the
 * rows in view exist. Keyboard: arrow keys, Home/End and PageUp/PageDown move through the rows,
 * Enter opens the case.
 */
import type { CaseId } from '../../../shared/domain/ids.ts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseRow } from '../../data/repos/cases.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/messages-de.ts';
import { whenIdle } from '../../platform/when-idle.ts';
import { caseListLayout } from './case-list-layout.ts';
import type { CaseSearch } from './case-search.ts';
import { searchCases } from './use-cases.ts';
import './cases.css';

type Column = 'bg' | 'applicant' | 'household' | 'lastIncoming' | 'unread' | 'due' | 'onDevice';
const COLUMNS: readonly { id: Column; label: MessageKey }[] = [
  { id: 'bg', label: 'cases.col.bg' },
  { id: 'applicant', label: 'cases.col.applicant' },
  { id: 'household', label: 'cases.col.household' },
  { id: 'lastIncoming', label: 'cases.col.lastIncoming' },
  { id: 'unread', label: 'cases.col.unread' },
  { id: 'due', label: 'cases.col.due' },
  { id: 'onDevice', label: 'cases.col.onDevice' },
];
const ON_DEVICE_RANK = { all: 0, partly: 1, none: 2 } as const;

const caseIdOf = (r: CaseRow): string => r.case.id;
const name = (r: CaseRow): string => (r.applicant ? `${r.applicant.lastName}, ${r.applicant.firstName}` : '–');

const collator = new Intl.Collator('de');
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compare(column: Column): (a: CaseRow, b: CaseRow) => number {
  switch (column) {
    case 'bg':
      return (a, b) => byCode(a.case.bgNumber, b.case.bgNumber);
    case 'applicant':
      return (a, b) => collator.compare(name(a), name(b));
    case 'household':
      return (a, b) => a.members.length - b.members.length;
    case 'lastIncoming':
      return (a, b) => byCode(a.lastIncomingOn ?? '', b.lastIncomingOn ?? '');
    case 'unread':
      return (a, b) => a.unread - b.unread;
    case 'due':
      return (a, b) => a.followUpsDue - b.followUpsDue;
    case 'onDevice':
      return (a, b) => ON_DEVICE_RANK[a.onDevice] - ON_DEVICE_RANK[b.onDevice];
  }
}

type Props = {
  rows: readonly CaseRow[];
  search: CaseSearch;
  selectedId: string | null;
  onOpen: (caseId: CaseId, how: 'keyboard' | 'pointer') => void;
};

const ROW_HEIGHT = 34;

/** Memoised: the workspace re-renders for many reasons (an announcement, the viewer's state) that leave the list as it is. */
export const CaseList = memo(function CaseList({ rows, search, selectedId, onOpen }: Props) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'bg', descending: false });
  const [focused, setFocused] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  // Sorted once per change of the rows or the order; a keystroke only filters the sorted rows.
  const sorted = useMemo(() => {
    const order = compare(sort.column);
    return [...rows].sort((a, b) => (sort.descending ? order(b, a) : order(a, b)) || order(a, b));
  }, [rows, sort]);
  const shown = useMemo(() => searchCases(search, sorted, query), [search, sorted, query]);
  // At the first idle moment after the rows or their order change, the search is readied for
  // them: the first key press then finds their slots looked up and the search's code compiled
  // (looking up the slots of 10,000 rows took 8 ms of the first key press after sign-in).
  useEffect(() => whenIdle(() => search.prepare(sorted, caseIdOf), 1000), [search, sorted]);
  const layout = useMemo(
    () =>
      caseListLayout(shown, (own, substitute) => [
        t('cases.own', { count: own }),
        t('cases.substitute', { count: substitute }),
      ]),
    [shown, t],
  );

  // While the user types, a key press renders only the rows in view; the rows kept ready above and
  // below for scrolling are added once typing pauses. Each key press that changes the result
  // rewrites every row it renders, and at the top of the list the margin is a third of them.
  const typing = useTypingPause();
  const virtualizer = useVirtualizer({
    count: layout.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: typing.active ? 0 : 12,
  });

  // The row with the keyboard focus stays in the list and in view while it moves.
  useEffect(() => {
    if (focused >= layout.rows) setFocused(Math.max(0, layout.rows - 1));
  }, [layout.rows, focused]);

  const moveTo = (position: number): void => {
    const next = Math.max(0, Math.min(layout.rows - 1, position));
    setFocused(next);
    const index = layout.indexOf(next);
    if (index === undefined) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-item-index="${index}"]`)?.focus({ preventScroll: true }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(focused + 1),
      ArrowUp: () => moveTo(focused - 1),
      PageDown: () => moveTo(focused + page),
      PageUp: () => moveTo(focused - page),
      Home: () => moveTo(0),
      End: () => moveTo(layout.rows - 1),
      Enter: () => {
        const item = layout.item(layout.indexOf(focused) ?? -1);
        if (item?.kind === 'row') onOpen(item.row.case.id, 'keyboard');
      },
    };
    const action = keys[event.key];
    if (action && !(event.target instanceof HTMLInputElement)) {
      event.preventDefault();
      action();
    }
  };

  const sortBy = (column: Column): void =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));

  return (
    <section className="case-list" aria-labelledby="case-list-heading">
      <h2 id="case-list-heading">{t('cases.heading', { count: rows.length })}</h2>
      <div className="case-search">
        <label htmlFor="case-search-input">{t('cases.search')}</label>
        <input
          id="case-search-input"
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          placeholder={t('cases.searchHint')}
          aria-describedby="case-search-count"
          onChange={(e) => {
            typing.keyPressed();
            setQuery(e.target.value);
            setFocused(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && layout.rows) {
              e.preventDefault();
              moveTo(0);
            } else if (e.key === 'Enter' && layout.rows) {
              const first = layout.item(layout.indexOf(0)!);
              if (first?.kind === 'row') onOpen(first.row.case.id, 'keyboard');
            }
          }}
        />
        <span id="case-search-count" className="case-search-count" role="status">
          {query.trim() ? t('cases.found', { count: shown.length }) : ''}
        </span>
      </div>
      {rows.length === 0 ? (
        <p>{t('cases.empty')}</p>
      ) : (
        <div
          className="case-grid"
          role="grid"
          aria-labelledby="case-list-heading"
          aria-rowcount={layout.count + 1}
          onKeyDown={onKeyDown}
        >
          <div role="rowgroup" className="case-grid-head">
            <div role="row" aria-rowindex={1} className="case-grid-row">
              {COLUMNS.map((column) => (
                <div
                  role="columnheader"
                  key={column.id}
                  className={`case-cell col-${column.id}`}
                  aria-sort={sort.column === column.id ? (sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    className="case-sort"
                    title={t('cases.sortBy', { column: t(column.label) })}
                    onClick={() => sortBy(column.id)}
                  >
                    {t(column.label)}
                    <span aria-hidden="true">{sort.column === column.id ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </div>
              ))}
            </div>
          </div>
          <div ref={scroller} role="rowgroup" className="case-grid-body">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = layout.item(v.index)!;
                const style = { transform: `translateY(${v.start}px)`, height: ROW_HEIGHT };
                // Keyed by place, not by case: when a key press filters the list, the rows in view
                // keep their elements and only their text changes, instead of ~40 rows being
                // built again.
                if (item.kind === 'group')
                  return (
                    <div key={v.index} role="row" aria-rowindex={v.index + 2} className="case-group" style={style}>
                      <div role="rowheader" className="case-cell">
                        {item.label}
                      </div>
                    </div>
                  );
                const { row } = item;
                const position = layout.positionOf(v.index);
                const selected = row.case.id === selectedId;
                return (
                  <div
                    key={v.index}
                    role="row"
                    aria-rowindex={v.index + 2}
                    aria-selected={selected}
                    tabIndex={position === focused ? 0 : -1}
                    data-item-index={v.index}
                    data-case-id={row.case.id}
                    className={`case-grid-row case-row${selected ? ' selected' : ''}`}
                    style={style}
                    onClick={() => {
                      setFocused(position);
                      onOpen(row.case.id, 'pointer');
                    }}
                    onFocus={() => setFocused(position)}
                  >
                    <div role="gridcell" className="case-cell col-bg">
                      {row.case.bgNumber}
                      {row.until && (
                        <span className="case-until">
                          {t('cases.until', { date: formatDate(row.until.slice(0, 10), language) })}
                        </span>
                      )}
                    </div>
                    <div role="gridcell" className="case-cell col-applicant">
                      {name(row)}
                      {row.case.status === 'closed' && <span className="case-tag">{t('cases.closed')}</span>}
                    </div>
                    <div role="gridcell" className="case-cell col-household">
                      {row.members.length}
                    </div>
                    <div role="gridcell" className="case-cell col-lastIncoming">
                      {row.lastIncomingOn ? formatDate(row.lastIncomingOn, language) : '–'}
                    </div>
                    <div role="gridcell" className={`case-cell col-unread${row.unread ? ' has-unread' : ''}`}>
                      {row.unread}
                    </div>
                    <div role="gridcell" className={`case-cell col-due${row.followUpsDue ? ' has-due' : ''}`}>
                      {row.followUpsDue}
                    </div>
                    <div role="gridcell" className={`case-cell col-onDevice on-device-${row.onDevice}`}>
                      {t(`cases.onDevice.${row.onDevice}`)}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
});

/** Whether the user is typing: from a key press until 300 ms without one and an idle moment. */
function useTypingPause(): { active: boolean; keyPressed: () => void } {
  const [active, setActive] = useState(false);
  const cancel = useRef<() => void>(() => undefined);
  useEffect(() => () => cancel.current(), []);
  const keyPressed = (): void => {
    cancel.current();
    setActive(true);
    let cancelIdle = (): void => undefined;
    const timer = setTimeout(() => (cancelIdle = whenIdle(() => setActive(false), 500)), 300);
    cancel.current = () => {
      clearTimeout(timer);
      cancelIdle();
    };
  };
  return { active, keyPressed };
}

/**
 * The annotations beside the pages: choose a tool, add a mark to the current page from the
 * keyboard, and read, edit or delete every mark of the document with its author and date.
 */
import { useEffect, useRef, useState } from 'react';
import type { Annotation, AnnotationKind, StampKind } from '../../../shared/domain/annotation.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { PageSize } from '../viewer/page-geometry.ts';
import { formatDate, KIND_LABEL, rectAround, STAMP_KINDS, STAMP_LABEL, TOOL_LABEL, TOOLS } from './annotation-kinds.ts';
import { useAnnotations } from './annotations-context.tsx';
import './annotations.css';

type Props = { currentPage: number; pageSize: PageSize; goToPage: (page: number) => void };

/**
 * Edits one mark. While its save runs the editor stays, read-only, so that nothing can be typed
 * into a mark that is already on its way; it closes once saved, and stays with the text when the
 * save failed.
 */
function Editor({
  annotation,
  drafts,
  onDone,
}: {
  annotation: Annotation;
  drafts: Map<string, string>;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const ui = useAnnotations();
  const [text, setText] = useState(drafts.get(annotation.id) ?? annotation.text ?? '');
  const [stamp, setStamp] = useState<StampKind>(annotation.stamp ?? 'received');
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const close = (): void => {
    drafts.delete(annotation.id);
    onDone();
  };
  return (
    <form
      className="annotation-editor"
      aria-busy={saving}
      onSubmit={(e) => {
        e.preventDefault();
        if (saving) return;
        const changes = annotation.kind === 'stamp' ? { stamp } : { text };
        setSaving(true);
        void ui.update(annotation, changes).then((saved) => {
          if (saved) close();
          else setSaving(false);
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !saving) close();
      }}
    >
      {annotation.kind === 'stamp' ? (
        <label>
          {t('viewer.stampKind')}
          <select ref={first} value={stamp} disabled={saving} onChange={(e) => setStamp(e.target.value as StampKind)}>
            {STAMP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(STAMP_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          {t('viewer.annotation.text')}
          <textarea
            ref={first}
            value={text}
            maxLength={4000}
            rows={3}
            readOnly={saving}
            // Case content: the browser must not keep it for restoring the page.
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value);
              drafts.set(annotation.id, e.target.value);
            }}
          />
        </label>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {t('viewer.annotation.save')}
        </button>
        <button type="button" disabled={saving} onClick={close}>
          {t('viewer.annotation.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AnnotationPanel({ currentPage, pageSize, goToPage }: Props) {
  const { t, language } = useI18n();
  const ui = useAnnotations();
  const list = useRef<HTMLOListElement>(null);
  // Text typed into an editor and not saved yet, per mark: opening another mark's editor (or
  // adding a new mark) closes this one, and its text is there again when it is opened next. Kept
  // as long as the panel shows this document, in memory only.
  const drafts = useRef(new Map<string, string>()).current;
  useEffect(() => {
    if (ui.selectedId)
      list.current?.querySelector(`[data-entry="${ui.selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [ui.selectedId]);

  const add = async (kind: AnnotationKind) => {
    // Placed in the upper middle of the page, stepped down so that several do not cover each other.
    const onPage = ui.annotations.filter((a) => a.page === currentPage).length;
    const rect = rectAround(
      kind,
      pageSize.width / 2,
      Math.min(pageSize.height - 40, 120 + (onPage % 8) * 60),
      pageSize,
    );
    const created = await ui.create(kind, currentPage, rect, kind === 'stamp' ? { stamp: ui.stampKind } : {});
    if (created && kind !== 'stamp') ui.edit(created.id);
  };

  return (
    <aside className="annotation-panel" aria-labelledby="annotation-panel-title">
      <h2 id="annotation-panel-title">{t('viewer.annotations')}</h2>
      <fieldset className="tools">
        <legend>{t('viewer.tools')}</legend>
        <div className="row" role="group">
          {TOOLS.map((tool) => (
            <button key={tool} type="button" aria-pressed={ui.tool === tool} onClick={() => ui.setTool(tool)}>
              {t(TOOL_LABEL[tool])}
            </button>
          ))}
        </div>
        <label>
          {t('viewer.stampKind')}{' '}
          <select value={ui.stampKind} onChange={(e) => ui.setStampKind(e.target.value as StampKind)}>
            {STAMP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(STAMP_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="add-row">
        <span>{t('viewer.addOnPage', { page: currentPage })}</span>
        <div className="row">
          {(['highlight', 'note', 'stamp'] as const).map((kind) => (
            <button key={kind} type="button" onClick={() => void add(kind)}>
              + {t(KIND_LABEL[kind])}
            </button>
          ))}
        </div>
      </div>
      <p id="mark-keys-hint" className="hint">
        {t('viewer.annotation.keys')}
      </p>
      {ui.annotations.length === 0 ? (
        <p className="hint">{t('viewer.annotationsNone')}</p>
      ) : (
        <ol className="annotation-list" ref={list}>
          {ui.annotations.map((a) => {
            const own = ui.canChange(a);
            return (
              <li key={a.id} data-entry={a.id} className={ui.selectedId === a.id ? 'selected' : undefined}>
                <div className="entry-head">
                  <strong>
                    {t(KIND_LABEL[a.kind])}
                    {a.stamp ? ` ${t('viewer.annotation.quoted', { text: t(STAMP_LABEL[a.stamp]) })}` : ''}
                  </strong>{' '}
                  · {t('viewer.page', { page: a.page })}
                </div>
                <div className="entry-meta">
                  {t('viewer.annotation.by', { author: a.authorName })} · {formatDate(a.updatedAt, language)}
                </div>
                {/* While its editor is open, the editor holds the text. */}
                {a.text && !(ui.editingId === a.id && own) && <p className="entry-text">{a.text}</p>}
                {ui.editingId === a.id && own ? (
                  <Editor annotation={a} drafts={drafts} onDone={() => ui.edit(null)} />
                ) : (
                  <div className="row">
                    <button
                      type="button"
                      onClick={() => {
                        ui.select(a.id);
                        goToPage(a.page);
                      }}
                    >
                      {t('viewer.annotation.show')}
                    </button>
                    {own ? (
                      <>
                        <button type="button" onClick={() => ui.edit(a.id)}>
                          {t('viewer.annotation.edit')}
                        </button>
                        <button type="button" className="danger" onClick={() => void ui.remove(a)}>
                          {t('viewer.annotation.delete')}
                        </button>
                      </>
                    ) : (
                      <span className="hint">{t('viewer.annotation.readOnly', { author: a.authorName })}</span>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}

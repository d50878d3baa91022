/**
 * The annotations of the open document and what the user is doing with them (tool, selection,
 * editing). The list comes from the cache through liveQuery, so a change made in the other window
 * shows here at once; every change goes through the annotations repository, which writes the
 * record and its outbox entry in one transaction.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Annotation, AnnotationKind, Rect, StampKind } from '../../../shared/domain/annotation.ts';
import type { CaseId, DocumentId } from '../../../shared/domain/ids.ts';
import type { AnnotationChanges } from '../../data/repos/annotations.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { describeError } from '../errors/error-message.ts';
import type { Session } from '../../session/session.ts';
import { KIND_LABEL, type Tool } from './annotation-kinds.ts';

export type AnnotationsUi = {
  readonly session: Session;
  readonly annotations: readonly Annotation[];
  readonly tool: Tool;
  setTool(tool: Tool): void;
  readonly stampKind: StampKind;
  setStampKind(kind: StampKind): void;
  readonly selectedId: string | null;
  select(id: string | null): void;
  readonly editingId: string | null;
  edit(id: string | null): void;
  canChange(annotation: Annotation): boolean;
  create(
    kind: AnnotationKind,
    page: number,
    rect: Rect,
    extra?: { text?: string; stamp?: StampKind },
  ): Promise<Annotation | null>;
  /** Resolves true once saved; false when it failed (the error is shown), so that nothing typed is lost. */
  update(annotation: Annotation, changes: AnnotationChanges, verb?: 'saved' | 'moved' | 'resized'): Promise<boolean>;
  remove(annotation: Annotation): Promise<void>;
};

const Context = createContext<AnnotationsUi | null>(null);

type Props = {
  session: Session;
  documentId: DocumentId;
  caseId: CaseId;
  announce: (message: string) => void;
  children: ReactNode;
};

export function AnnotationsProvider({ session, documentId, caseId, announce, children }: Props) {
  const { t, language } = useI18n();
  const annotations = useLiveQuery(() => session.annotations.listForDocument(documentId), [session, documentId]);
  const [tool, setTool] = useState<Tool>('select');
  const [stampKind, setStampKind] = useState<StampKind>('received');
  const [selectedId, select] = useState<string | null>(null);
  const [editingId, edit] = useState<string | null>(null);

  const value = useMemo<AnnotationsUi>(() => {
    const fail = (error: unknown) =>
      announce(t('viewer.annotation.failed', { reason: describeError(t, language, error) }));
    return {
      session,
      annotations: annotations ?? [],
      tool,
      setTool,
      stampKind,
      setStampKind,
      selectedId,
      select,
      editingId,
      edit,
      canChange: (a) => a.authorId === session.user.id,
      async create(kind, page, rect, extra = {}) {
        try {
          const created = await session.annotations.create({ caseId, documentId, page, rect, kind, ...extra });
          announce(t('viewer.annotation.created', { kind: t(KIND_LABEL[kind]), page }));
          select(created.id);
          return created;
        } catch (error) {
          fail(error);
          return null;
        }
      },
      async update(annotation, changes, verb = 'saved') {
        try {
          await session.annotations.update(annotation.id, changes);
          announce(
            t(`viewer.annotation.${verb}`, {
              kind: t(KIND_LABEL[annotation.kind]),
            }),
          );
          return true;
        } catch (error) {
          fail(error);
          return false;
        }
      },
      async remove(annotation) {
        try {
          await session.annotations.remove(annotation.id);
          announce(t('viewer.annotation.deleted', { kind: t(KIND_LABEL[annotation.kind]) }));
          select(null);
          edit(null);
        } catch (error) {
          fail(error);
        }
      },
    };
  }, [session, annotations, tool, stampKind, selectedId, editingId, caseId, documentId, announce, t, language]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useAnnotations(): AnnotationsUi {
  const value = useContext(Context);
  if (!value) throw new Error('AnnotationsProvider fehlt');
  return value;
}

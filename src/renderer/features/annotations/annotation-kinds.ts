/** What each kind of mark looks like when first placed, and the tools that place them. */
import type { AnnotationKind, Rect, StampKind } from '../../../shared/domain/annotation.ts';
import type { MessageKey } from '../../i18n/messages-de.ts';

export type Tool = 'select' | AnnotationKind;
export const TOOLS: readonly Tool[] = ['select', 'highlight', 'note', 'stamp'];
export const STAMP_KINDS: readonly StampKind[] = ['received', 'checked', 'done'];

/** Default size in PDF points of a mark placed by a click or from the keyboard. */
export const DEFAULT_SIZE: Record<AnnotationKind, { width: number; height: number }> = {
  highlight: { width: 200, height: 24 },
  note: { width: 160, height: 72 },
  stamp: { width: 150, height: 52 },
};

export const KIND_LABEL: Record<AnnotationKind, MessageKey> = {
  highlight: 'viewer.kind.highlight',
  note: 'viewer.kind.note',
  stamp: 'viewer.kind.stamp',
};

export const STAMP_LABEL: Record<StampKind, MessageKey> = {
  received: 'viewer.stamp.received',
  checked: 'viewer.stamp.checked',
  done: 'viewer.stamp.done',
};

export const TOOL_LABEL: Record<Tool, MessageKey> = {
  select: 'viewer.tool.select',
  highlight: 'viewer.tool.highlight',
  note: 'viewer.tool.note',
  stamp: 'viewer.tool.stamp',
};

/** A mark centred on a point, kept on the page. */
export function rectAround(kind: AnnotationKind, x: number, y: number, page: { width: number; height: number }): Rect {
  const { width, height } = DEFAULT_SIZE[kind];
  return {
    x: Math.min(Math.max(0, x - width / 2), Math.max(0, page.width - width)),
    y: Math.min(Math.max(0, y - height / 2), Math.max(0, page.height - height)),
    width: Math.min(width, page.width),
    height: Math.min(height, page.height),
  };
}

export function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(language === 'en' ? 'en-GB' : 'de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}

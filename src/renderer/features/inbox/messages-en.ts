/** English texts of the inbox and the due follow-ups. */
import type { inboxDe } from './messages-de.ts';

export const inboxEn: Record<keyof typeof inboxDe, string> = {
  'inbox.heading': 'Inbox ({unread, plural, one {# unread} other {# unread}}, {count} in all)',
  'inbox.empty': 'No new documents.',
  'inbox.col.document': 'Document',
  'inbox.col.received': 'Received',
  'inbox.col.case': 'Case file',
  'inbox.col.state': 'State',
  'inbox.col.actions': 'Actions',
  'inbox.state.new': 'unread',
  'inbox.state.read': 'read',
  'inbox.markRead': 'Mark as read',
  'inbox.markProcessed': 'Mark as processed',
  'inbox.markedRead': 'Marked as read.',
  'inbox.markedProcessed': 'Marked as processed.',
  'due.heading': 'Follow-ups: due today and overdue ({count})',
  'due.empty': 'Nothing is due today.',
  'due.col.due': 'Due',
  'due.col.what': 'What it is about',
  'due.col.case': 'Case file',
  'due.col.actions': 'Actions',
  'due.today': 'today',
};

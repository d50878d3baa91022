/** English texts of the settings screen and the policy warning banner. */
import type { settingsDe } from './messages-de.ts';

export const settingsEn: Record<keyof typeof settingsDe, string> = {
  'settings.title': 'Settings',
  'settings.loading': 'Loading settings …',
  'settings.loadFailed':
    'The settings could not be read. Close the window and open it again; if the problem persists, contact your IT.',
  'settings.locked': 'Set by your IT (policy).',
  'settings.saved': '“{field}” saved.',
  'settings.saveFailed': '“{field}” was not saved: the application did not answer. Please try again.',
  'settings.refused.locked': '“{field}” was not saved: your IT has set this setting.',
  'settings.refused.not-user-settable': '“{field}” was not saved: only your IT can set this.',
  'settings.refused.unknown-field': '“{field}” was not saved: this version does not know the setting.',
  'settings.refused.invalid-value': '“{field}” was not saved: this value is not allowed.',

  'settings.field.language': 'Language',
  'settings.field.cacheBudgetBytes': 'Storage for documents',
  'settings.field.windowLayout': 'Arrangement of the document viewer',
  'settings.field.viewerDisplay': 'Display of the document viewer',
  'settings.field.serverUrl': 'Central service',
  'settings.field.updateUrl': 'Update server',
  'settings.field.updateChannel': 'Update channel',
  'settings.field.updateMode': 'Updates',
  'settings.field.cacheBudgetCeilingBytes': 'Largest storage for documents you may choose',
  'settings.field.maxOfflineDays': 'Signing in without a connection to the central service',
  'settings.field.outboxRetentionDays': 'Keeping undeliverable changes',

  'settings.value.updateChannel.stable': 'Stable releases',
  'settings.value.updateChannel.beta': 'Pre-releases (beta)',
  'settings.value.updateMode.auto': 'Download automatically, install on quit',
  'settings.value.updateMode.notify': 'Show, download only when asked',
  'settings.value.updateMode.off': 'Off',
  'settings.value.days': '{count, plural, one {# day} other {# days}}',
  'settings.value.none': 'Not set up',

  'settings.language.de': 'Deutsch',
  'settings.language.en': 'English',

  'settings.cache.intro':
    'The documents of your case files are stored encrypted on this device so that you can open them without a connection. When the space is used up, the documents not opened for the longest time are removed and fetched again when needed.',
  'settings.cache.label': 'Keep documents on this device up to',
  'settings.cache.ceiling': 'At most {ceiling} can be chosen.',
  'settings.cache.ceilingByIt': 'At most {ceiling} can be chosen (set by your IT).',
  'settings.cache.usage': 'In use now: {used} of {budget}.',
  'settings.cache.usageSignedOut': 'How much is in use is shown here once you are signed in.',
  'settings.cache.nextStart': 'A change applies from the next start of the application.',

  'settings.viewer.heading': 'Document viewer',
  'settings.viewer.layout': 'Arrangement',
  'settings.viewer.layout.separate': 'In a window of its own, on a display of its own when there is one',
  'settings.viewer.layout.docked': 'Beside the workspace: both share one display',
  'settings.viewer.display.label': 'Display for the document viewer',
  'settings.viewer.display.auto': 'Automatic: the largest display other than the workspace’s (display {number} now)',
  'settings.viewer.display.option': 'Display {number} ({width} × {height})',
  'settings.viewer.display.primary': 'main display',
  'settings.viewer.display.workspaceHere': 'with the workspace',
  'settings.viewer.display.viewerHere': 'shows the document viewer',
  'settings.viewer.display.missing': 'Display chosen earlier ({width} × {height}), not connected',
  'settings.viewer.display.missingNote': 'The chosen display is not connected. Until it is back, “Automatic” applies.',
  'settings.viewer.display.dockedNote': 'Applies only when the document viewer has a window of its own.',
  'settings.viewer.display.failed': 'The displays could not be determined.',
  'settings.viewer.browser':
    'In browser mode the document viewer is a tab or window of your browser. You place it yourself, for example by dragging it to the second display; the application cannot move it.',
  'settings.viewer.browserScreen': 'This display: {width} × {height}.',

  'settings.keyring.heading': 'Key store',
  'settings.keyring.os':
    'The key to your stored documents is protected by your password and in addition by the operating system’s key store.',
  'settings.keyring.browser':
    'The key to your stored documents is protected by your password and in addition by a key of this browser profile.',
  'settings.keyring.none':
    'This device has no operating system key store (such as GNOME Keyring or KWallet). The key to your stored documents is therefore protected by your password alone.',
  'settings.keyring.noneMeaning':
    'This means: whoever has a copy of this device’s data needs only your password to decrypt it, not also your login on the device. Choose a strong password and never share it.',
  'settings.keyring.noneIt': 'Your IT can set up a key store.',

  'settings.updates.heading': 'Updates',
  'settings.updates.disabled.policy-off':
    'Your IT has switched off looking for updates; it distributes new versions itself.',
  'settings.updates.disabled.no-feed': 'No update server is set up; your IT distributes new versions.',
  'settings.updates.disabled.unpackaged': 'This development build does not update itself.',
  'settings.updates.disabled.browser': 'Browser mode has no updates: the pages always come in the server’s version.',
  'settings.updates.idle': 'Not looked for updates yet.',
  'settings.updates.checking': 'Looking for updates …',
  'settings.updates.up-to-date': 'This version is up to date (checked: {time}).',
  'settings.updates.staged-out':
    'Version {version} is being rolled out in stages; this computer’s turn has not come yet (checked: {time}).',
  'settings.updates.available': 'Version {version} is available.',
  'settings.updates.downloading': 'Downloading version {version}: {percent}%.',
  'settings.updates.progress': 'Downloading version {version}',
  'settings.updates.ready': 'Version {version} is downloaded. It will be installed when you quit.',
  'settings.updates.installing': 'Installing version {version} …',
  'settings.updates.error.check': 'Looking for updates failed. {reason}',
  'settings.updates.error.download': 'Downloading the update failed. {reason}',
  'settings.updates.error.install': 'Installing the update failed. {reason}',
  'settings.updates.reason.network': 'The update server cannot be reached.',
  'settings.updates.reason.feed-invalid': 'The update server offers no valid version for this system.',
  'settings.updates.reason.signature-invalid':
    'The new version’s signature does not match; it will not be installed. Please tell your IT.',
  'settings.updates.reason.checksum-mismatch': 'The downloaded file is damaged (its checksum does not match).',
  'settings.updates.reason.disk-full': 'There is not enough space on the disk.',
  'settings.updates.reason.unknown': 'The cause is in the log (Help → Open log folder).',
  'settings.updates.mode.auto': 'New versions are downloaded in the background and installed when you quit.',
  'settings.updates.mode.notify': 'New versions are shown and downloaded only when you ask.',
  'settings.updates.check': 'Check for updates',
  'settings.updates.download': 'Download',
  'settings.updates.retry': 'Try again',
  'settings.updates.callFailed': 'The request was not answered. Please try again.',

  'settings.policy.heading': 'Set by your IT',
  'settings.policy.none': 'Your IT has not set any settings on this device.',
  'settings.policy.intro': 'Your IT has set these settings for this device; you cannot change them.',

  'settings.about.heading': 'About E-Akte Desktop',

  'settings.warnings.heading': 'Notices from IT',
  'settings.warning.policy-unreadable':
    'Your IT’s policy could not be read (error {errorCode}); the defaults apply. Please tell your IT.',
  'settings.warning.policy-not-json':
    'Your IT’s policy is not a valid JSON file; the defaults apply. Please tell your IT.',
  'settings.warning.policy-not-object':
    'Your IT’s policy holds no JSON object; the defaults apply. Please tell your IT.',
  'settings.warning.policy-unknown-field': 'The policy contains the unknown entry “{field}”; it is ignored.',
  'settings.warning.policy-invalid-value':
    'The value for “{field}” in the policy is invalid; the default applies, and you cannot change it.',
  'settings.warning.policy-insecure-url':
    'The address for “{field}” in the policy is not secure (only https is allowed) and is not used.',
  'settings.warning.policy-insecure-url.environment':
    'The central service address given in the development environment is not secure and is not used.',
  'settings.warning.server-not-configured':
    'Your IT has not set up a central service yet, so signing in is not possible. Please contact your IT.',
  'settings.warning.settings-unreadable':
    'Your saved settings could not be read; the defaults apply until you change something again.',
  'settings.warning.settings-invalid-value': 'Your saved setting “{field}” was invalid; the default applies.',
  'settings.warning.settings-cache-budget-above-ceiling':
    'The storage for documents you chose ({stored}) is more than your IT now allows; its limit of {ceiling} applies.',
  'settings.banner.title': 'Notices from your IT about this installation',
  'settings.banner.open': 'Go to settings',
  'settings.banner.dismiss': 'Hide notices',
};

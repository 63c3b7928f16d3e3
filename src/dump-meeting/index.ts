/**
 * `rtk-chat-kit/dump-meeting`: read a session's chat dump back into the kit's elements as a
 * read-only meeting.
 */
export {
  createDumpMeeting,
  type DumpChat,
  type DumpMeeting,
  type DumpMeetingOptions,
  type DumpMeetingSource,
} from './dump-meeting.js';
export { readDumpInSlices, type ChatDumpSource, type ReadDump, type ReadDumpOptions } from './read-dump.js';

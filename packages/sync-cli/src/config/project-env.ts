// The project's environment is read by core's one rule (`readProjectEnv`, the loaders' too);
// re-exported here, where the CLI's commands import it from.
export { type ProjectEnv, readProjectEnv } from '@robowrite/core';

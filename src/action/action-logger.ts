import * as core from '@actions/core';
import type { Logger, LogLocation } from '../logging/logger.js';

function properties(location?: LogLocation): core.AnnotationProperties | undefined {
  if (!location?.file) return undefined;
  return { file: location.file, startLine: location.startLine, endLine: location.endLine };
}

/** The Action's logger: workflow commands, annotations with file and line, a collapsible group per stage. */
export function createActionLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m, l) => core.warning(m, properties(l)),
    error: (m, l) => core.error(m, properties(l)),
    group: (name, fn) => core.group(name, fn),
  };
}

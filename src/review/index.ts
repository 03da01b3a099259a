export { planReview, moveToBody, RULES_MARKER_VERSION, DEFAULT_MAX_COMMENTS, type PlanOptions } from './plan.js';
export { publishReview, findRefused, annotationsFor, MAX_PROBES, type PublishOutcome, type PublishOptions } from './publish.js';
export type { ReviewPublisher, ReviewDraft, PostOutcome, Annotation } from './publisher.js';
export type { ExistingComment, PlannedComment, ReviewPlan, BodyEntry, StaleComment, PlanSkip } from './types.js';
export { applyFixes, isWorkflowPath, type AppliedFixes, type FixRefusal, type ImportPlacer } from './apply-fixes.js';
export { describePlan } from './describe-plan.js';
export { parseMarker, renderMarker } from './marker.js';

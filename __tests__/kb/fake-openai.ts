/**
 * The KB tests use the shared fake server, __fixtures__/fake-openai.ts. This re-export remains only for
 * __tests__/retrieve/retrieve-command.test.ts; delete it once that test imports the shared fixture.
 */
export { startFakeOpenAi, type RecordedRequest as FakeRequest } from '../../__fixtures__/fake-openai.js';

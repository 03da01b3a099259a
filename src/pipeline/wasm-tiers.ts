import v8 from 'node:v8';

/**
 * How WebAssembly is compiled during a scan large enough for worker threads. V8 compiles a function the
 * first time it is called, by Liftoff (fast to compile, slower code, tiered up to TurboFan when hot) or by
 * TurboFan alone (`--no-liftoff`). The flags are per process and read at each such compile, so what a
 * function gets depends on when it is first called:
 * - at the start (`compileWasmOptimized`, before the workers start and this thread loads a grammar; the
 *   command line does it when it starts workers early, which warm the runtime up while they wait): TurboFan
 *   only. The tree-sitter runtime (parsing, queries, walking trees) is shared by every grammar and
 *   is hot for the whole scan; its functions are compiled once per process, whichever thread calls them.
 * - once a chunk of files has been scanned (`compileRestBaseline`), the runtime's hot functions are
 *   compiled, and what is first called from then on (mostly the other grammars' lexers, a few large
 *   functions each) gets Liftoff only, unless the scan has much to parse. TurboFan takes 10 to 150 ms on a
 *   grammar's lexer, and lexing in Liftoff code makes parsing 3 to 8 % slower: the compile pays off only
 *   past a few megabytes of one grammar's files.
 * On 2,000 files the scan took 1.64 s with TurboFan throughout and 1.54 s with this. A few files are done
 * before TurboFan pays off even for the runtime (8 files: 0.58 s with V8's default, 0.80 s with TurboFan
 * alone), hence only for pooled scans. Modules compiled before (a grammar a review loaded) keep their code.
 */
export function compileWasmOptimized(): void {
  if (wasmTiers !== 'default') return;
  wasmTiers = 'optimized';
  v8.setFlagsFromString('--no-liftoff');
}

/** The scan parses more than this (estimated from the files read): TurboFan throughout pays off. */
const BASELINE_MAX_BYTES = 16 * 1024 * 1024;

/** See compileWasmOptimized: from now on Liftoff only, when `bytes` (the scan's estimate) is not too large. */
export function compileRestBaseline(bytes: number): void {
  if (wasmTiers !== 'optimized') return;
  wasmTiers = 'decided';
  if (bytes > BASELINE_MAX_BYTES) return;
  v8.setFlagsFromString('--liftoff');
  v8.setFlagsFromString('--no-wasm-tier-up');
}

/** After a pooled scan, or for a scan too small for one: V8's defaults again (Liftoff, tiered up when hot) for whatever the process does next. */
export function compileWasmDefault(): void {
  if (wasmTiers === 'default') return;
  wasmTiers = 'default';
  v8.setFlagsFromString('--liftoff');
  v8.setFlagsFromString('--wasm-tier-up');
}
let wasmTiers: 'default' | 'optimized' | 'decided' = 'default';

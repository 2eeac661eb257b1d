export { LiquidCompiler, type CompiledTemplate } from './compiler.js';
export { Unsupported } from './runtime.js';

// write-file-atomic ships no type declarations; this covers the one call the state file uses.
declare module 'write-file-atomic' {
  interface Options {
    encoding?: string;
    mode?: number;
    fsync?: boolean;
  }
  function writeFileAtomic(file: string, data: string, options?: Options): Promise<void>;
  namespace writeFileAtomic {
    function sync(file: string, data: string, options?: Options): void;
  }
  export default writeFileAtomic;
}

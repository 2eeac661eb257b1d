// css-tree's one-file ES bundle (theme/assets.ts says why it is imported): the package's API and types.
declare module 'css-tree/dist/csstree.esm' {
  export * from 'css-tree';
}

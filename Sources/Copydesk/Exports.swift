// `import Copydesk` gives a library user the whole toolkit.
@_exported import CopydeskCore
@_exported import CopydeskShippedData
@_exported import CopydeskFormats
@_exported import CopydeskICU
@_exported import CopydeskText
@_exported import CopydeskLint
@_exported import CopydeskNormalize
@_exported import CopydeskDedup
@_exported import CopydeskTranslate
@_exported import CopydeskPostgres

export {
  EXPORT_FORMAT_ID,
  EXPORT_VERSION,
  okrExportSchema,
  exportWorkshopSchema,
  exportContextItemSchema,
  exportObjectiveSchema,
  exportDecisionSchema,
  exportKeyResultSchema,
  exportInitiativeSchema,
  exportParkedItemSchema,
  exportCandidateSchema,
  exportTrackingSchema,
} from './format.ts';
export type {
  OkrExport,
  ExportWorkshop,
  ExportContextItem,
  ExportObjective,
  ExportKeyResult,
  ExportInitiative,
  ExportParkedItem,
  ExportCandidate,
  ExportOwner,
} from './format.ts';
export { ExportFormatError } from './errors.ts';
export { migrateExport, parseExport } from './migrate.ts';
export { buildExport } from './fromBoard.ts';
export { PREWORK_FORMAT_ID, PREWORK_VERSION, preworkFileSchema } from './prework.ts';
export type { PreworkFile } from './prework.ts';
export { parseImportFile, parsePrework, applyImport, BoardNotEmptyError } from './importFile.ts';
export type { ImportFile } from './importFile.ts';
export { exportToMarkdown } from './markdown.ts';
export { contextLine, withoutKindPrefix } from './contextText.ts';
export { CHECK_IN_CADENCE_LABELS, CHECK_IN_PHRASES, confidenceLabel, KR_TYPE_LABELS, LEAD_LAG_LABELS, levelsPhrase, quote, SEVERITY_LABELS } from './labels.ts';
export type { CheckInCadence, Levels } from './labels.ts';
export { exportToCsv, csvCell, CSV_COLUMNS, CSV_ROW_TYPES } from './csv.ts';
export { JSON_SCHEMA_FILES, jsonSchemaText } from './jsonSchema.ts';
export type { JsonSchemaFileName } from './jsonSchema.ts';
export { cardChangePhrase, VERSION_REASON_LABELS } from './historyLabels.ts';
export type { VersionReasonName } from './historyLabels.ts';

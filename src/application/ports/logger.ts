/** What a flow writes to the log: fields and a message (the service's pino logger is one). */
export interface FlowLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

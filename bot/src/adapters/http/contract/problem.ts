// What every refused or failed request answers, whatever its status.

export interface FieldProblem {
  /** null: the problem is with the whole form, not one field. */
  field: string | null;
  message: string;
}

export interface ProblemResponse {
  error: {
    /** Stable, for clients and tests. */
    code: string;
    /** Written for the person using the product. */
    message: string;
    /** Problems with particular fields, shown beside each; only when there are some. */
    fields?: FieldProblem[];
  };
}

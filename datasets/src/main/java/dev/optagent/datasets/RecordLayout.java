package dev.optagent.datasets;

/** How a file lays out its records. */
public enum RecordLayout {
    /** One JSON object per line (a published {@code .json} file is sometimes this too). */
    JSON_LINES,
    /** One JSON array of records; the key of a record is its position. */
    JSON_ARRAY,
    /** One JSON object whose fields are the records; the key of a record is its field name. */
    JSON_OBJECT
}

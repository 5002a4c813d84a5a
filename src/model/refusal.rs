//! Why a file was refused, in a person's words: what the file is missing or has wrong and what
//! to do about it ([`InputError`]'s `Display`), apart from the technical detail (a field path, a
//! line and column: [`InputError::detail`]) that the notice draws smaller after it.

use std::fmt;

use super::formats::spanmark::{ParseError, VERSION};
use super::input::{json_tools, InputError, MAX_DOCUMENTS, MAX_FILE_BYTES};

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty { name } => write!(f, "{name} is empty: there is no text in it to annotate."),
            InputError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {} MB; spanmark opens files up to {} MB. Split it into smaller files and open those.",
                bytes.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            InputError::TooManyDocuments { name, documents, open: 0 } => write!(
                f,
                "{name} holds {documents} documents; spanmark keeps up to {MAX_DOCUMENTS} open. \
                 Split it into smaller files and open those."
            ),
            InputError::TooManyDocuments { name, documents, open } => write!(
                f,
                "{name} would add {documents} document{} to the {open} open; spanmark keeps up to {MAX_DOCUMENTS} \
                 open. Delete documents you are done with (export them first), then open it again.",
                if *documents == 1 { "" } else { "s" }
            ),
            InputError::Binary { name } => write!(
                f,
                "{name} is not a text file (it may be a picture, a PDF or a program). \
                 Open a text (.txt, .md) or a file of annotations."
            ),
            InputError::NotUtf8 { name, .. } => write!(
                f,
                "{name} is not saved as UTF-8, the text encoding spanmark reads. \
                 Save it as UTF-8 (most editors offer it under Save as… › Encoding) and open it again."
            ),
            InputError::Json { name, error } => write!(f, "{}", broken_json(name, error)),
            InputError::UnknownJson { name } => write!(
                f,
                "{name} is JSON, but not a file spanmark reads ({} JSON). \
                 Export your annotations from one of those, or open the text itself.",
                json_tools()
            ),
            InputError::Project { name, error } => write!(f, "{}", spanmark(name, error)),
            // A zip's own messages are already sentences (a compressed or damaged entry).
            InputError::Format { name, error } if error.format == "brat zip" => {
                write!(f, "{name} cannot be opened: {}.", error.message)
            }
            InputError::Format { name, error } => write!(
                f,
                "{name} looks like a {} file, but part of it is not written as spanmark expects, so nothing \
                 was opened. Export it again from the tool that made it.",
                error.format
            ),
        }
    }
}

impl InputError {
    /// Where the file is wrong and what a program would call it (`file: missing field
    /// `offset_unit``, `line 3, column 7: …`), for whoever mends the file; `None` when the
    /// sentence says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            InputError::NotUtf8 { offset, byte, .. } => {
                Some(format!("byte 0x{byte:02X} at offset {offset} is not valid UTF-8"))
            }
            InputError::Binary { .. } => Some("it contains NUL bytes".to_owned()),
            InputError::Json { error, .. } | InputError::Project { error, .. } => Some(error.to_string()),
            InputError::Format { error, .. } if error.format == "brat zip" => None,
            InputError::Format { error, .. } => Some(error.to_string()),
            InputError::Empty { .. }
            | InputError::TooLarge { .. }
            | InputError::TooManyDocuments { .. }
            | InputError::UnknownJson { .. } => None,
        }
    }
}

/// A file that is not JSON although it should be.
fn broken_json(name: &str, error: &ParseError) -> String {
    let cut = matches!(error, ParseError::Json { message, .. } if message.contains("EOF"));
    format!(
        "{name} is not valid JSON{}: it may be cut short or damaged. Export it again from the tool that made it.",
        if cut { " (it stops before its end)" } else { "" }
    )
}

/// The number a person gives the item at the end of `path` (`annotations[3]` is 4).
fn number(path: &str) -> Option<usize> {
    let (_, rest) = path.rsplit_once('[')?;
    let (digits, _) = rest.split_once(']')?;
    digits.parse::<usize>().ok().map(|n| n + 1)
}

/// The annotation `path` points into, as "annotation 4" (or "an annotation").
fn annotation(path: &str) -> String {
    number(path).map_or("an annotation".to_owned(), |n| format!("annotation {n}"))
}

/// A field of a spanmark file in a person's words: `annotations[3].start` is "where annotation
/// 4 starts".
fn part(field: &str) -> String {
    let (item, key) = field.rsplit_once('.').unwrap_or(("", field));
    let key = key.split('[').next().unwrap_or(key);
    if item.starts_with("annotations[") {
        let a = annotation(item);
        return match key {
            "start" => format!("where {a} starts"),
            "end" => format!("where {a} ends"),
            "label" => format!("{a}'s label"),
            "text" => format!("the words {a} quotes"),
            "id" => format!("{a}'s id"),
            "created" => format!("when {a} was made"),
            _ => format!("{a}'s {key}"),
        };
    }
    if item.starts_with("labels[") {
        let n = number(item).map_or("a label".to_owned(), |n| format!("label {n}"));
        return match key {
            "hotkey" => format!("{n}'s key"),
            _ => format!("{n}'s {key}"),
        };
    }
    match field {
        "version" => "its version number".to_owned(),
        "document" => "its document (the text and its title)".to_owned(),
        "document.title" => "the document's title".to_owned(),
        "document.text" => "the document's text".to_owned(),
        "document.sha256" => "the document's fingerprint (sha256)".to_owned(),
        f if f.starts_with("document.length") => "the document's length".to_owned(),
        "labels" => "its list of labels".to_owned(),
        "annotations" => "its list of annotations".to_owned(),
        f if f.starts_with("annotations[") => annotation(f),
        f if f.starts_with("labels[") => number(f).map_or("a label".to_owned(), |n| format!("label {n}")),
        f => format!("its field “{f}”"),
    }
}

/// What is wrong with a spanmark file, and what to do.
fn spanmark(name: &str, error: &ParseError) -> String {
    use ParseError::*;
    let again = "export it again from spanmark";
    match error {
        Json { .. } => broken_json(name, error),
        Shape { field, path, .. } if field == "offset_unit" && field != path => format!(
            "{name} does not say how it counts positions: the line \"offset_unit\": \"codepoint\" is \
             missing from its top. Add that line (spanmark files count code points), or {again}."
        ),
        // A missing field is named apart from the object that lacks it.
        Shape { field, path, .. } if field != path => {
            format!("{name} is a spanmark file, but {} is missing. Add it back, or {again}.", part(field))
        }
        Shape { field, .. } => format!(
            "{name} is a spanmark file, but {} is not what spanmark expects. Correct it, or {again}.",
            part(field)
        ),
        UnknownFormat(_) => format!("{name} is not a spanmark file. Open it with the tool that made it."),
        NewerVersion(v) => format!(
            "{name} was saved by a newer spanmark (file version {v}; this one reads up to {VERSION}). \
             Reload the page for the newest spanmark, then open it again."
        ),
        UnknownOffsetUnit(_) => format!(
            "{name} counts positions in a unit spanmark files do not use (they count code points, \
             \"offset_unit\": \"codepoint\"). Convert its offsets to code points, or {again}."
        ),
        Sha256Mismatch { .. } | LengthMismatch { .. } => format!(
            "The text in {name} was changed after it was saved, so its annotations may no longer fit it. \
             Open the original file, or {again}."
        ),
        TextMismatch { path, .. } => format!(
            "In {name}, {} quotes words that are not at its place in the text (the text or the positions \
             were changed). Correct it, or {again}.",
            annotation(path)
        ),
        BadLabel { .. } => format!(
            "{name} has a label spanmark cannot use (see below). Correct it in the file's list of labels, or {again}."
        ),
        InvertedSpan { path, .. } => {
            format!("In {name}, {} ends before it starts. Correct its start and end, or {again}.", annotation(path))
        }
        EmptySpan { path } => {
            format!("In {name}, {} covers no text (it ends where it starts). Remove it, or {again}.", annotation(path))
        }
        PastEnd { path, .. } => {
            format!("In {name}, {} runs past the end of the text. Correct its end, or {again}.", annotation(path))
        }
        UnknownLabel { path, label } => format!(
            "In {name}, {} has the label “{label}”, which is not in the file's list of labels. \
             Add that label to the list, or {again}.",
            annotation(path)
        ),
        DuplicateId { id, .. } => {
            format!("In {name}, two annotations have the same id “{id}”. Give one another id, or {again}.")
        }
        DuplicateAnnotation { path, .. } => format!(
            "In {name}, {} repeats another one (the same words with the same label). Remove one, or {again}.",
            annotation(path)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_words() {
        assert_eq!(part("annotations[3].start"), "where annotation 4 starts");
        assert_eq!(part("annotations[0]"), "annotation 1");
        assert_eq!(part("labels[1].hotkey"), "label 2's key");
        assert_eq!(part("document.length.utf16_units"), "the document's length");
        assert_eq!(part("document"), "its document (the text and its title)");
        assert_eq!(part("stray"), "its field “stray”");
        assert_eq!(number("annotations[x]"), None);
    }
}

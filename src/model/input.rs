//! What a file someone opens turns into: a plain text, or a spanmark project, or a named error
//! that says what is wrong with it. Pure: the edge hands over the bytes.

use std::fmt;

use super::formats::spanmark::{self, ParseError, Project};

/// The largest file spanmark opens.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What an opened file holds.
#[derive(Debug)]
pub enum Opened {
    Text { title: String, text: String },
    Project(Box<Project>),
}

/// Why a file cannot be opened. Every message names the file and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty { name: String },
    TooLarge { name: String, bytes: u64 },
    Binary { name: String },
    NotUtf8 { name: String, offset: usize, byte: u8 },
    Json { name: String, error: ParseError },
    /// JSON, but of a shape spanmark does not read.
    UnknownJson { name: String },
    Project { name: String, error: ParseError },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty { name } => write!(f, "{name} is empty: there is no text to annotate."),
            InputError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {} MB; spanmark opens files up to {} MB.",
                bytes.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            InputError::Binary { name } => {
                write!(f, "{name} looks like a binary file (it contains NUL bytes), not text.")
            }
            InputError::NotUtf8 { name, offset, byte } => write!(
                f,
                "{name} is not UTF-8 text: byte 0x{byte:02X} at offset {offset} is not valid UTF-8. \
                 Save it as UTF-8 and open it again."
            ),
            InputError::Json { name, error } => write!(f, "{name} is not valid JSON: {error}."),
            InputError::UnknownJson { name } => write!(
                f,
                "{name} is JSON, but not a file spanmark reads (a spanmark file has \"format\": \"spanmark\")."
            ),
            InputError::Project { name, error } => write!(f, "{name} cannot be opened: {error}."),
        }
    }
}

/// Refuses a file by its size, before reading it.
pub fn check_size(name: &str, bytes: u64) -> Result<(), InputError> {
    if bytes == 0 {
        Err(InputError::Empty { name: name.to_owned() })
    } else if bytes > MAX_FILE_BYTES {
        Err(InputError::TooLarge { name: name.to_owned(), bytes })
    } else {
        Ok(())
    }
}

/// The text of a file: UTF-8, with a BOM and CRLF line ends kept as they are.
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<String, InputError> {
    check_size(name, bytes.len() as u64)?;
    if bytes.contains(&0) {
        return Err(InputError::Binary { name: name.to_owned() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(InputError::NotUtf8 { name: name.to_owned(), offset, byte: bytes.get(offset).copied().unwrap_or(0) })
        }
    }
}

/// Reads a file, deciding from its content what it is: JSON (an object or array, in a `.json`
/// file or parsing as JSON) is read as a spanmark project; anything else is a text to annotate.
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, InputError> {
    let text = decode_text(name, bytes)?;
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let looks_json = body.starts_with('{') || body.starts_with('[');
    let named_json = name.to_ascii_lowercase().ends_with(".json");
    if looks_json {
        match serde_json::from_str::<serde_json::Value>(body) {
            Ok(value) => return read_json(name, body, &value),
            Err(_) if !named_json => {} // a text that happens to start with a bracket
            Err(_) => {
                let error = match spanmark::parse(body) {
                    Err(e) => e,
                    Ok(_) => return Err(InputError::UnknownJson { name: name.to_owned() }),
                };
                return Err(InputError::Json { name: name.to_owned(), error });
            }
        }
    } else if named_json {
        let error = match spanmark::parse(body) {
            Err(e) => e,
            Ok(_) => return Err(InputError::UnknownJson { name: name.to_owned() }),
        };
        return Err(InputError::Json { name: name.to_owned(), error });
    }
    if body.is_empty() {
        // Only whitespace: nothing to annotate.
        return Err(InputError::Empty { name: name.to_owned() });
    }
    Ok(Opened::Text { title: name.to_owned(), text })
}

fn read_json(name: &str, body: &str, value: &serde_json::Value) -> Result<Opened, InputError> {
    match value.get("format").and_then(|f| f.as_str()) {
        None => Err(InputError::UnknownJson { name: name.to_owned() }),
        Some(_) => spanmark::parse(body)
            .map(|project| Opened::Project(Box::new(project)))
            .map_err(|error| InputError::Project { name: name.to_owned(), error }),
    }
}

//! Reading a parsed JSON tree field by field, with the path of whatever is wrong. Files and
//! stored records are parsed once into a `serde_json::Value` and read through this, rather than
//! each record type deriving its own deserializer (in wasm each derived deserializer is several
//! KB, twice over when two parsers use it). Strings are moved out of the tree, not copied.

use std::fmt;

use serde_json::{Map, Value};

/// What is wrong, and where (`annotations[3].start`; `file` for the top level).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    /// The object the message is about (for a missing field, the object that lacks it).
    pub path: String,
    pub message: String,
    /// The field at fault, missing or of the wrong type (`annotations[3].start`, `offset_unit`),
    /// for a message in a person's words.
    pub field: String,
}

impl ShapeError {
    /// A problem `message` with the value at `path`, which is itself the field at fault.
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> ShapeError {
        let path = path.into();
        ShapeError { field: path.clone(), path, message: message.into() }
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A JSON object being read; each field can be taken once.
pub struct Object {
    path: String,
    fields: Map<String, Value>,
}

impl Object {
    /// `value` as an object, `path` naming it in errors (empty for the top level).
    pub fn new(value: Value, path: String) -> Result<Object, ShapeError> {
        match value {
            Value::Object(fields) => Ok(Object { path, fields }),
            other => Err(invalid(&path, "an object", &other)),
        }
    }

    /// Where this object is, for messages.
    pub fn path(&self) -> &str {
        if self.path.is_empty() {
            "file"
        } else {
            &self.path
        }
    }

    pub fn into_path(self) -> String {
        self.path().to_owned()
    }

    fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Whether the object has the field (for optional ones).
    pub fn has(&self, key: &str) -> bool {
        self.fields.contains_key(key)
    }

    pub fn take(&mut self, key: &str) -> Result<Value, ShapeError> {
        self.fields.remove(key).ok_or_else(|| ShapeError {
            path: self.path().to_owned(),
            message: format!("missing field `{key}`"),
            field: self.path_of(key),
        })
    }

    pub fn string(&mut self, key: &str) -> Result<String, ShapeError> {
        match self.take(key)? {
            Value::String(s) => Ok(s),
            other => Err(invalid(&self.path_of(key), "a string", &other)),
        }
    }

    pub fn u32(&mut self, key: &str) -> Result<u32, ShapeError> {
        let value = self.take(key)?;
        value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| invalid(&self.path_of(key), "a whole number from 0 to 4294967295", &value))
    }

    pub fn u64(&mut self, key: &str) -> Result<u64, ShapeError> {
        let value = self.take(key)?;
        value.as_u64().ok_or_else(|| invalid(&self.path_of(key), "a whole number from 0", &value))
    }

    pub fn object(&mut self, key: &str) -> Result<Object, ShapeError> {
        let value = self.take(key)?;
        Object::new(value, self.path_of(key))
    }

    /// The items of an array field, each as an object with its path.
    pub fn objects(&mut self, key: &str) -> Result<Items, ShapeError> {
        let path = self.path_of(key);
        match self.take(key)? {
            Value::Array(items) => Ok(Items { path, items: items.into_iter().enumerate() }),
            other => Err(invalid(&path, "an array", &other)),
        }
    }

    /// An array field read item by item with `read`, all or nothing. A plain loop rather than
    /// `collect::<Result<Vec<_>, _>>()`, whose adapter was a copy of the reading per item type.
    pub fn list<T>(&mut self, key: &str, read: fn(Object) -> Result<T, ShapeError>) -> Result<Vec<T>, ShapeError> {
        let mut out = Vec::new();
        self.each(key, &mut |item| {
            out.push(read(item)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Each item of an array field, as an object, given to `f` until it errs: the walk that
    /// every [`Self::list`] shares.
    fn each(&mut self, key: &str, f: &mut dyn FnMut(Object) -> Result<(), ShapeError>) -> Result<(), ShapeError> {
        for item in self.objects(key)? {
            f(item?)?;
        }
        Ok(())
    }

    /// An array of strings.
    pub fn strings(&mut self, key: &str) -> Result<Vec<String>, ShapeError> {
        let path = self.path_of(key);
        let items = match self.take(key)? {
            Value::Array(items) => items,
            other => return Err(invalid(&path, "an array", &other)),
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Value::String(s) => out.push(s),
                other => return Err(invalid(&format!("{path}[{i}]"), "a string", &other)),
            }
        }
        Ok(out)
    }
}

/// The items of an array field, each as an [`Object`] named by its index (`annotations[3]`).
pub struct Items {
    path: String,
    items: std::iter::Enumerate<std::vec::IntoIter<Value>>,
}

impl Iterator for Items {
    type Item = Result<Object, ShapeError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (i, item) = self.items.next()?;
        Some(Object::new(item, format!("{}[{i}]", self.path)))
    }
}

/// The refusal of a value of the wrong type.
pub fn invalid(path: &str, expected: &str, found: &Value) -> ShapeError {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    ShapeError::at(
        if path.is_empty() { "file" } else { path },
        format!("invalid type: expected {expected}, found {found}"),
    )
}

//! The arguments of a Helix method, read from the borrowed JSON value by a
//! deserializer made for size.
//!
//! serde_json's own value deserializer reads a struct from an array too,
//! which gives every endpoint's argument struct a second reader in the
//! .wasm; here a struct is read from an object only (as the seed's keyword
//! arguments are), and every scalar goes through one `deserialize_any`.
//! Errors are serde_json's, with serde's usual wording.

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess};
use serde::de::{Unexpected, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Value};

/// One argument (or the whole argument object).
pub struct Arg<'a>(pub &'a Value);

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> Deserializer<'de> for Arg<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                (None, None) => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(Items(items.iter())),
            Value::Object(map) => visitor.visit_map(Members::of(map)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(Members::of(map)),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => {
                let variant: StrDeserializer<'_, Error> = s.as_str().into_deserializer();
                visitor.visit_enum(variant)
            }
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
        ignored_any
    }
}

struct Items<'a>(std::slice::Iter<'a, Value>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|item| seed.deserialize(Arg(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Members<'a> {
    members: serde_json::map::Iter<'a>,
    value: Option<&'a Value>,
}

impl<'a> Members<'a> {
    fn of(map: &'a serde_json::Map<String, Value>) -> Self {
        Members {
            members: map.iter(),
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Members<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Arg(value)),
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// Reads `json` through [`Arg`] and through serde_json's own value
    /// deserializer: the two agree on what they accept and what they give.
    fn both<T: for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(json: &str) -> Option<T> {
        let value: Value = serde_json::from_str(json).unwrap();
        let ours = T::deserialize(Arg(&value)).ok();
        let theirs = T::deserialize(&value).ok();
        assert_eq!(ours, theirs, "{json}");
        ours
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Args {
        name: String,
        #[serde(default)]
        ids: Vec<String>,
        first: Option<u32>,
        #[serde(default)]
        flag: bool,
        kind: Option<Kind>,
        offset: Option<i64>,
        ratio: Option<f64>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kind {
        Live,
        All,
    }

    #[test]
    fn reads_what_the_value_deserializer_reads() {
        let ok: Args = both(
            r#"{"name":"x","ids":["a","b"],"first":5,"flag":true,"kind":"live","offset":-3,"ratio":0.5}"#,
        )
        .unwrap();
        assert_eq!(ok.ids, ["a", "b"]);
        assert_eq!(ok.kind, Some(Kind::Live));
        assert!(both::<Args>(r#"{"name":"x","first":null,"kind":null}"#).is_some());
        for bad in [
            r#"{"name":1}"#,
            r#"{"name":"x","ids":"a"}"#,
            r#"{"name":"x","first":-1}"#,
            r#"{"name":"x","first":1.5}"#,
            r#"{"name":"x","first":4294967296}"#,
            r#"{"name":"x","kind":"nope"}"#,
            r#"{"name":"x","other":1}"#,
            r#"{"ids":[]}"#,
            r#"null"#,
            r#""x""#,
        ] {
            assert!(both::<Args>(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_struct_is_never_read_from_an_array() {
        let value: Value = serde_json::from_str(r#"["x",[],5,true,null,null,null]"#).unwrap();
        assert!(Args::deserialize(&value).is_ok(), "serde_json reads it");
        let err = Args::deserialize(Arg(&value)).unwrap_err();
        assert!(err.to_string().contains("invalid type: sequence"), "{err}");
    }
}

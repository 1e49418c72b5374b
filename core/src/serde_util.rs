//! Serde helpers shared by the models: RFC 3339 timestamps (Twitch sends `""` for
//! "no timestamp" in a few places), datetime arguments of endpoints (see
//! [`datetime_arg`]) and `null`-tolerant defaults for parameters.

use serde::{Deserialize, Deserializer, Serializer};
use time::OffsetDateTime;

/// Formats a timestamp as RFC 3339 in UTC (`2021-03-10T15:04:21Z`); empty for
/// an instant with no such form (a year outside 0..=9999 in UTC), which the
/// endpoints' checks refuse before a query is built.
pub(crate) fn format_rfc3339(value: &OffsetDateTime) -> String {
    crate::rfc3339::format_utc(value).unwrap_or_default()
}

/// `OffsetDateTime` as an RFC 3339 string.
pub(crate) mod rfc3339 {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(v: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&utc_text::<S>(v)?)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        d.deserialize_str(Stamp)
    }

    /// `v` as RFC 3339 in UTC, or the serializer's error when it has no such form.
    pub(crate) fn utc_text<S: Serializer>(v: &OffsetDateTime) -> Result<String, S::Error> {
        crate::rfc3339::format_utc(v).ok_or_else(|| {
            serde::ser::Error::custom("a timestamp whose year in UTC is outside 0..=9999")
        })
    }

    /// Reads the string where it lies (no copy) with the fast RFC 3339 reader.
    pub(super) struct Stamp;

    impl serde::de::Visitor<'_> for Stamp {
        type Value = OffsetDateTime;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an RFC 3339 timestamp")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OffsetDateTime, E> {
            crate::rfc3339::parse_or_error(v).map_err(E::custom)
        }
    }
}

/// `Option<OffsetDateTime>` as an RFC 3339 string; `null`, a missing field and `""` are `None`.
pub(crate) mod rfc3339_opt {
    use super::*;
    use serde::de::{Error, Visitor};

    pub(crate) fn serialize<S: Serializer>(
        v: &Option<OffsetDateTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.serialize_str(&super::rfc3339::utc_text::<S>(v)?),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        d.deserialize_option(MaybeStamp)
    }

    struct MaybeStamp;

    impl<'de> Visitor<'de> for MaybeStamp {
        type Value = Option<OffsetDateTime>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an RFC 3339 timestamp, \"\" or null")
        }

        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }

        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            match v {
                "" => Ok(None),
                v => super::rfc3339::Stamp.visit_str(v).map(Some),
            }
        }
    }
}

/// Datetime *arguments* of endpoints (`started_at`, `ended_at`), one module per
/// parameter name so that an error names the parameter (serde does not tell a
/// field's deserializer which field it is reading).
///
/// Accepted: an RFC 3339 datetime (`2021-01-01T00:00:00Z`, fractional seconds and
/// offsets such as `+02:00` included), or the same without an offset
/// (`2021-01-01T00:00:00`), which is taken as **UTC**, as the seed library did.
/// `null`, a missing field and `""` mean "not given". Anything else fails with
/// `started_at: expected an RFC 3339 datetime like 2021-01-01T00:00:00Z (an offset
/// may be left out for UTC), got "yesterday"`. Serialized back as RFC 3339 in UTC.
///
/// Twitch's answers never leave the offset out, so response models keep the
/// strict [`rfc3339`] / [`rfc3339_opt`].
pub(crate) mod datetime_arg {
    use std::fmt;

    use serde::de::{self, Deserializer, Visitor};
    use serde::Serializer;
    use time::OffsetDateTime;

    /// The form an argument must have, as error messages put it.
    const EXPECTED: &str =
        "an RFC 3339 datetime like 2021-01-01T00:00:00Z (an offset may be left out for UTC)";

    /// Parses an argument: RFC 3339, or RFC 3339 without the offset (then
    /// UTC: read as the same text with `Z` after it, so both forms go through
    /// one RFC 3339 reader and no general format machinery is needed).
    pub(crate) fn parse(raw: &str) -> Option<OffsetDateTime> {
        // an instant that has no RFC 3339 form in UTC (a year outside
        // 0..=9999 once the offset is taken off) is not an argument
        let in_utc = |at: OffsetDateTime| {
            at.checked_to_offset(time::UtcOffset::UTC)
                .is_some_and(|utc| (0..=9999).contains(&utc.year()))
        };
        parse_any(raw).filter(|at| in_utc(*at))
    }

    fn parse_any(raw: &str) -> Option<OffsetDateTime> {
        crate::rfc3339::parse(raw).or_else(|| {
            // the date and the time apart as RFC 3339 has them: `T`, `t` or a space
            if !matches!(raw.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
                return None;
            }
            let mut utc = String::with_capacity(raw.len() + 1);
            utc.push_str(raw);
            utc.push('Z');
            crate::rfc3339::parse(&utc)
        })
    }

    struct ArgVisitor(&'static str);

    impl<'de> Visitor<'de> for ArgVisitor {
        type Value = Option<OffsetDateTime>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}: {EXPECTED}", self.0)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }

        fn visit_str<E: de::Error>(self, raw: &str) -> Result<Self::Value, E> {
            if raw.is_empty() {
                return Ok(None);
            }
            match parse(raw) {
                Some(value) => Ok(Some(value)),
                None => Err(E::custom(format_args!(
                    "{}: expected {EXPECTED}, got {raw:?}",
                    self.0
                ))),
            }
        }
    }

    /// Deserializes the argument `name` (see the module docs).
    fn deserialize_named<'de, D: Deserializer<'de>>(
        name: &'static str,
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        d.deserialize_option(ArgVisitor(name))
    }

    fn serialize<S: Serializer>(v: &Option<OffsetDateTime>, s: S) -> Result<S::Ok, S::Error> {
        super::rfc3339_opt::serialize(v, s)
    }

    macro_rules! datetime_args {
        ($($name:ident),* $(,)?) => {$(
            #[doc = concat!("The `", stringify!($name), "` argument (`#[serde(with = ...)]`).")]
            pub(crate) mod $name {
                use serde::{Deserializer, Serializer};
                use time::OffsetDateTime;

                pub(crate) fn serialize<S: Serializer>(
                    v: &Option<OffsetDateTime>,
                    s: S,
                ) -> Result<S::Ok, S::Error> {
                    super::serialize(v, s)
                }

                pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
                    d: D,
                ) -> Result<Option<OffsetDateTime>, D::Error> {
                    super::deserialize_named(stringify!($name), d)
                }
            }
        )*};
    }

    datetime_args!(started_at, ended_at);
}

/// A list parameter where `null` means "not given" (empty).
pub(crate) fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A string field where Twitch may send `null`.
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A numeric id given as a JSON number or as a string of digits (the seed types
/// some Twitch ids as `int`; Twitch itself sends ids as strings).
pub(crate) fn u64_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrString<'a> {
        Number(u64),
        String(std::borrow::Cow<'a, str>),
    }
    match NumberOrString::deserialize(d)? {
        NumberOrString::Number(n) => Ok(n),
        NumberOrString::String(s) => s
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("expected a numeric id, got {s:?}"))),
    }
}

/// A string field that Twitch sends as a string in some examples and as a
/// number in others (ids); `null` and a missing field are `""`.
pub(crate) fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum StringOrNumber {
        String(String),
        Number(serde_json::Number),
    }
    Ok(match Option::<StringOrNumber>::deserialize(d)? {
        None => String::new(),
        Some(StringOrNumber::String(s)) => s,
        Some(StringOrNumber::Number(n)) => n.to_string(),
    })
}

/// [`string_or_number`] for an optional field: `null` and a missing field are `None`.
pub(crate) fn string_or_number_opt<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "string_or_number")] String);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use time::macros::datetime;
    use time::OffsetDateTime;

    use super::datetime_arg;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Args {
        #[serde(default, with = "datetime_arg::started_at")]
        started_at: Option<OffsetDateTime>,
        #[serde(default, with = "datetime_arg::ended_at")]
        ended_at: Option<OffsetDateTime>,
    }

    fn args(json: &str) -> Result<Args, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_datetime_without_offset_is_utc() {
        let got = args(r#"{"started_at":"2021-01-01T00:00:00"}"#).unwrap();
        assert_eq!(got.started_at, Some(datetime!(2021-01-01 0:00 UTC)));
        let fraction = args(r#"{"ended_at":"2021-01-01T12:30:15.25"}"#).unwrap();
        assert_eq!(
            fraction.ended_at,
            Some(datetime!(2021-01-01 12:30:15.25 UTC))
        );
        // the same fields as RFC 3339 (which allows a space for the T), only
        // the offset may be left out
        let space = args(r#"{"ended_at":"2021-01-01 12:30:15"}"#).unwrap();
        assert_eq!(space.ended_at, Some(datetime!(2021-01-01 12:30:15 UTC)));
        for bad in [
            "2021-01-01T00:00",
            "2021-01-01",
            "2021-01-01T00:00:00.Z",
            "2021-01-01T00:00:00+02",
            "2021-01-01X00:00:00",
            "2021-01-01/00:00:00",
        ] {
            assert!(
                args(&format!(r#"{{"started_at":"{bad}"}}"#)).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn offsets_and_fractional_seconds_keep_working() {
        let got = args(
            r#"{"started_at":"2021-01-01T02:00:00+02:00","ended_at":"2021-01-01T00:00:00.123456Z"}"#,
        )
        .unwrap();
        assert_eq!(got.started_at, Some(datetime!(2021-01-01 0:00 UTC)));
        assert_eq!(got.started_at.unwrap().offset().whole_hours(), 2);
        assert_eq!(got.ended_at, Some(datetime!(2021-01-01 0:00:00.123456 UTC)));
        // Sent back (and put in queries) as UTC.
        assert_eq!(
            serde_json::to_value(&got).unwrap()["started_at"],
            "2021-01-01T00:00:00Z"
        );
    }

    #[test]
    fn absent_null_and_empty_are_not_given() {
        assert_eq!(args("{}").unwrap(), Args::default());
        assert_eq!(
            args(r#"{"started_at":null,"ended_at":""}"#).unwrap(),
            Args::default()
        );
    }

    #[test]
    fn a_malformed_datetime_names_the_parameter_and_the_form() {
        let err = args(r#"{"started_at":"yesterday"}"#).unwrap_err();
        assert!(
            err.starts_with(
                "started_at: expected an RFC 3339 datetime like 2021-01-01T00:00:00Z \
                 (an offset may be left out for UTC), got \"yesterday\""
            ),
            "{err}"
        );
        for bad in [
            r#"{"ended_at":"2021-01-01"}"#,
            r#"{"ended_at":"2021-13-01T00:00:00Z"}"#,
            r#"{"ended_at":"2021-01-01T00:00:00+2"}"#,
        ] {
            let err = args(bad).unwrap_err();
            assert!(
                err.starts_with("ended_at: expected an RFC 3339"),
                "{bad}: {err}"
            );
        }
        let wrong_type = args(r#"{"ended_at":1609459200}"#).unwrap_err();
        assert!(
            wrong_type.contains("ended_at: an RFC 3339 datetime"),
            "{wrong_type}"
        );
        // The same through a `serde_json::Value` (as the CLI and the bindings pass it).
        let err = serde_json::from_value::<Args>(serde_json::json!({"started_at": "soon"}))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("started_at: expected an RFC 3339 datetime like"),
            "{err}"
        );
    }
}

//! Query parameters and pagination (`first`, `after`, `before`).

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::cursor::Cursor;
use crate::errors::ApiError;

/// Decoded query pairs, keys repeated as sent.
#[derive(Clone, Debug, Default)]
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn parse(raw: Option<&str>) -> Self {
        let pairs = url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Params { pairs }
    }

    /// Every value of a repeated key.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value of a key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a key, treating an empty value as absent.
    pub fn non_empty(&self, key: &str) -> Option<&str> {
        self.get(key).filter(|v| !v.is_empty())
    }

    /// A required single value.
    pub fn required(&self, key: &str) -> Result<&str, ApiError> {
        self.non_empty(key)
            .ok_or_else(|| ApiError::bad_request(format!("Missing required parameter \"{key}\"")))
    }

    /// Values of a repeated key; 400 when more than `max` or when one is empty.
    pub fn list(&self, key: &str, max: usize) -> Result<Vec<&str>, ApiError> {
        let values = self.all(key);
        if values.len() > max {
            return Err(ApiError::bad_request(format!(
                "The parameter \"{key}\" may be specified at most {max} times"
            )));
        }
        if values.iter().any(|v| v.is_empty()) {
            return Err(ApiError::bad_request(format!(
                "The parameter \"{key}\" was malformed: the value must not be empty"
            )));
        }
        Ok(values)
    }

    /// A boolean as Twitch reads one, else 400: see [`parse_bool`].
    pub fn boolean(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.non_empty(key) {
            None => Ok(None),
            Some(text) => parse_bool(text).map(Some).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "The parameter \"{key}\" was malformed: the value must be a boolean"
                ))
            }),
        }
    }

    /// An RFC3339 date-time, else 400.
    pub fn datetime(&self, key: &str) -> Result<Option<OffsetDateTime>, ApiError> {
        match self.non_empty(key) {
            None => Ok(None),
            Some(text) => OffsetDateTime::parse(text, &Rfc3339)
                .map(Some)
                .map_err(|_| {
                    ApiError::bad_request(format!(
                    "The parameter \"{key}\" was malformed: the value must be an RFC3339 date-time"
                ))
                }),
        }
    }

    /// One of `allowed` (default `allowed[0]`), else 400.
    pub fn one_of<'a>(&'a self, key: &str, allowed: &[&'a str]) -> Result<&'a str, ApiError> {
        match self.non_empty(key) {
            None => Ok(allowed[0]),
            Some(v) if allowed.contains(&v) => Ok(v),
            Some(_) => Err(ApiError::bad_request(format!(
                "The parameter \"{key}\" was malformed: the value must be one of {}",
                allowed.join(", ")
            ))),
        }
    }

    /// An integer in `min..=max` (`None` when absent), else 400.
    pub fn int_in(&self, key: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        match self.non_empty(key) {
            None => Ok(None),
            Some(text) => match text.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(ApiError::bad_request(format!(
                    "The parameter \"{key}\" was malformed: the value must be an integer between {min} and {max}"
                ))),
            },
        }
    }

    /// Pagination request; `before` is only read when the endpoint supports it.
    pub fn page(&self, allow_before: bool) -> Result<PageRequest, ApiError> {
        self.page_with(allow_before, 20, 100)
    }

    /// Pagination request with the endpoint's default and largest `first`.
    pub fn page_with(
        &self,
        allow_before: bool,
        default: usize,
        max: usize,
    ) -> Result<PageRequest, ApiError> {
        let first = match self.int_in("first", 1, max as i64)? {
            None => default,
            Some(n) => n as usize,
        };
        let after = self.non_empty("after");
        let before = if allow_before {
            self.non_empty("before")
        } else {
            None
        };
        let direction = match (after, before) {
            (Some(_), Some(_)) => {
                return Err(ApiError::bad_request(
                    "Only one of \"after\" and \"before\" may be specified",
                ))
            }
            (Some(c), None) => Direction::After(decode(c)?),
            (None, Some(c)) => Direction::Before(decode(c)?),
            (None, None) => Direction::Start,
        };
        Ok(PageRequest { first, direction })
    }
}

/// `true`/`false`, `t`/`f` (any case) and `1`/`0`, as Twitch accepts them.
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    const TRUE: [&str; 3] = ["true", "t", "1"];
    const FALSE: [&str; 3] = ["false", "f", "0"];
    if TRUE.iter().any(|t| text.eq_ignore_ascii_case(t)) {
        Some(true)
    } else if FALSE.iter().any(|f| text.eq_ignore_ascii_case(f)) {
        Some(false)
    } else {
        None
    }
}

fn decode(text: &str) -> Result<Cursor, ApiError> {
    Cursor::decode(text).ok_or_else(|| ApiError::bad_request("Invalid cursor value"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    Start,
    After(Cursor),
    Before(Cursor),
}

/// `first` plus where to start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PageRequest {
    pub first: usize,
    pub direction: Direction,
}

/// `"pagination": {"cursor": "..."}` or `{}`.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct Pagination {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl PageRequest {
    /// Cuts one page out of `items`. The cursor (present while more items
    /// follow in the direction of travel) names this page, so it works both
    /// as `after` (next page) and as `before` (previous page).
    pub fn apply<T: Clone>(&self, items: &[T]) -> (Vec<T>, Pagination) {
        let len = items.len();
        let (start, end, more) = match self.direction {
            Direction::Start => (0, self.first.min(len), self.first < len),
            Direction::After(c) => {
                let start = c.end.min(len);
                let end = start.saturating_add(self.first).min(len);
                (start, end, end < len)
            }
            Direction::Before(c) => {
                let end = c.start.min(len);
                let start = end.saturating_sub(self.first);
                (start, end, start > 0)
            }
        };
        let cursor = more.then(|| Cursor { start, end }.encode());
        (items[start..end].to_vec(), Pagination { cursor })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(query: &str) -> Result<PageRequest, ApiError> {
        Params::parse(Some(query)).page(true)
    }

    #[test]
    fn first_is_checked() {
        assert_eq!(page("").map(|p| p.first), Ok(20));
        assert_eq!(page("first=100").map(|p| p.first), Ok(100));
        for bad in ["first=0", "first=101", "first=-1", "first=abc", "first=1e3"] {
            assert!(page(bad).is_err(), "{bad}");
        }
        assert!(page("after=garbage").is_err());
    }

    #[test]
    fn booleans_read_like_twitch() {
        for yes in ["true", "True", "TRUE", "tRuE", "t", "T", "1"] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["false", "False", "FALSE", "fAlSe", "f", "F", "0"] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        for bad in ["yes", "no", "2", "-1", "truee", " true", "on", "\u{130}"] {
            assert_eq!(parse_bool(bad), None, "{bad}");
        }
        let params = Params::parse(Some("a=False&b=1&c=&d=maybe"));
        assert_eq!(params.boolean("a"), Ok(Some(false)));
        assert_eq!(params.boolean("b"), Ok(Some(true)));
        assert_eq!(params.boolean("c"), Ok(None));
        assert_eq!(params.boolean("absent"), Ok(None));
        let bad = params.boolean("d").unwrap_err();
        assert_eq!(bad.status, axum::http::StatusCode::BAD_REQUEST);
        assert_eq!(
            bad.message,
            "The parameter \"d\" was malformed: the value must be a boolean"
        );
    }

    #[test]
    fn walks_forward_and_back() {
        let items: Vec<u32> = (0..45).collect();
        let (p1, c1) = page("first=20").unwrap().apply(&items);
        assert_eq!(p1, (0..20).collect::<Vec<_>>());
        let c1 = c1.cursor.unwrap();
        let (p2, c2) = page(&format!("first=20&after={c1}")).unwrap().apply(&items);
        assert_eq!(p2, (20..40).collect::<Vec<_>>());
        let c2 = c2.cursor.unwrap();
        let (p3, c3) = page(&format!("first=20&after={c2}")).unwrap().apply(&items);
        assert_eq!(p3, (40..45).collect::<Vec<_>>());
        assert!(c3.cursor.is_none());
        let (back, cb) = page(&format!("first=20&before={c2}"))
            .unwrap()
            .apply(&items);
        assert_eq!(back, (0..20).collect::<Vec<_>>());
        assert!(cb.cursor.is_none());
    }
}

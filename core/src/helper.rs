//! The seed's `twitchAPI.helper` module in Rust form.
//!
//! Datetime and enum fields are parsed into typed values by the models, so the
//! seed's dict-mutating helpers (`make_fields_datetime`, `fields_to_enum`) have
//! no counterpart; what remains builds URLs, scope strings and UUIDs.

use uuid::Uuid;

use crate::AuthScope;

/// A query parameter value for [`build_url`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    /// Absent (`None` in the seed).
    None,
    /// One value (enums pass their wire value, see [`Param::from`]).
    One(String),
    /// A list.
    List(Vec<String>),
}

impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::One(v.to_owned())
    }
}

impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::One(v)
    }
}

impl<T: ToString> From<Option<T>> for Param {
    fn from(v: Option<T>) -> Self {
        v.map(|v| Param::One(v.to_string())).unwrap_or(Param::None)
    }
}

impl<T: ToString> From<Vec<T>> for Param {
    fn from(v: Vec<T>) -> Self {
        Param::List(v.iter().map(ToString::to_string).collect())
    }
}

/// Builds a URL with query parameters, like the seed's `build_url`.
///
/// * `remove_none`: leave out absent parameters (otherwise they are sent as `key=`);
/// * `split_lists`: send a list as the key repeated (`id=1&id=2`); otherwise as one
///   comma-joined value.
///
/// Enum values are always sent as their wire value (the seed's `enum_value=True`),
/// since every enum here displays as its wire value.
///
/// ```
/// use twitchapi_core::helper::{build_url, Param};
/// let url = build_url(
///     "https://api.twitch.tv/helix/users",
///     &[("id", Param::from(vec!["1", "2"])), ("login", Param::None)],
///     true,
///     true,
/// );
/// assert_eq!(url, "https://api.twitch.tv/helix/users?id=1&id=2");
/// ```
pub fn build_url(
    url: &str,
    params: &[(&str, Param)],
    remove_none: bool,
    split_lists: bool,
) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (key, value) in params {
        match value {
            Param::None if remove_none => continue,
            Param::None => query.append_pair(key, ""),
            Param::One(v) => query.append_pair(key, v),
            Param::List(list) if split_lists => {
                for v in list {
                    query.append_pair(key, v);
                }
                &mut query
            }
            Param::List(list) => query.append_pair(key, &list.join(",")),
        };
        any = true;
    }
    let query = query.finish();
    if any && !query.is_empty() {
        format!("{url}?{query}")
    } else {
        url.to_owned()
    }
}

/// Joins scopes with spaces, as OAuth expects (the seed's `build_scope`).
///
/// ```
/// use twitchapi_core::{helper::build_scope, AuthScope};
/// assert_eq!(build_scope(&[AuthScope::UserEdit, AuthScope::BitsRead]), "user:edit bits:read");
/// ```
pub fn build_scope(scopes: &[AuthScope]) -> String {
    crate::auth::scopes_to_string(scopes)
}

/// Extracts the first UUID from a URL (the seed's `extract_uuid_str_from_url`).
///
/// ```
/// use twitchapi_core::helper::extract_uuid_str_from_url;
/// let url = "https://example.com/callback/a0f8d5c4-56d1-4d36-9a5a-5f7b1e4f0a11?x=1";
/// assert_eq!(extract_uuid_str_from_url(url).as_deref(), Some("a0f8d5c4-56d1-4d36-9a5a-5f7b1e4f0a11"));
/// assert_eq!(extract_uuid_str_from_url("https://example.com/"), None);
/// ```
pub fn extract_uuid_str_from_url(url: &str) -> Option<String> {
    // A UUID is 36 ASCII characters; slide a window over every char boundary.
    let bytes = url.as_bytes();
    (0..bytes.len().saturating_sub(35))
        .filter(|&i| url.is_char_boundary(i) && url.is_char_boundary(i + 36))
        .find_map(|i| {
            let candidate = &url[i..i + 36];
            let hyphens_ok = [8, 13, 18, 23]
                .iter()
                .all(|&h| candidate.as_bytes()[h] == b'-');
            (hyphens_ok && Uuid::try_parse(candidate).is_ok()).then(|| candidate.to_owned())
        })
}

/// A random (version 4) UUID from the given generator (the seed's `get_uuid`).
/// Pass a seeded generator to make tests replay exactly.
///
/// ```
/// use twitchapi_core::helper::get_uuid;
/// struct Counter(u64);
/// impl rand_core::RngCore for Counter {
///     fn next_u32(&mut self) -> u32 { self.next_u64() as u32 }
///     fn next_u64(&mut self) -> u64 { self.0 += 1; self.0 }
///     fn fill_bytes(&mut self, dst: &mut [u8]) { rand_core::impls::fill_bytes_via_next(self, dst) }
/// }
/// let id = get_uuid(&mut Counter(0));
/// assert_eq!(id.get_version_num(), 4);
/// ```
pub fn get_uuid<R: rand_core::RngCore + ?Sized>(rng: &mut R) -> Uuid {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::SeedableRng;

    #[test]
    fn build_url_options() {
        let params = [
            ("a", Param::from(vec!["1", "2"])),
            ("b", Param::None),
            ("c", Param::from(crate::types::TimePeriod::Week.to_string())),
        ];
        assert_eq!(build_url("u", &params, false, false), "u?a=1%2C2&b=&c=week");
        assert_eq!(build_url("u", &params, true, true), "u?a=1&a=2&c=week");
        assert_eq!(build_url("u", &[("x", Param::None)], true, true), "u");
    }

    #[test]
    fn uuid_is_replayable() {
        let a = get_uuid(&mut rand_chacha::ChaCha8Rng::seed_from_u64(7));
        let b = get_uuid(&mut rand_chacha::ChaCha8Rng::seed_from_u64(7));
        assert_eq!(a, b);
        assert_eq!(a.get_version_num(), 4);
    }

    #[test]
    fn extract_uuid_handles_multibyte() {
        assert_eq!(
            extract_uuid_str_from_url("ééééééééééééééééééééééééééééééééééééé"),
            None
        );
    }
}

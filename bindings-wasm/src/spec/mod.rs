//! Every Helix endpoint's arguments as data: their names and types, the
//! seed's rules, and where each goes (query or JSON body). One interpreter
//! ([`read`]) builds every request from this table, so the .wasm holds one
//! argument reader instead of one per endpoint struct.
//!
//! The typed endpoints of `twitchapi_core::helix` stay the reference: the
//! tests (`tests.rs`) build thousands of argument objects per endpoint and
//! check that the table and the typed endpoint agree on every one: the same
//! request (method, URL, body, token) or both an invalid argument.
//!
//! A table entry reads like the seed's signature:
//!
//! ```
//! use twitchapi_wasm::spec::{Absent, Kind, Out, Param, Presence, Rule, Spec};
//!
//! static GET_THINGS: Spec = Spec {
//!     params: &[
//!         Param::new("ids", Kind::Strs, Presence::Optional),
//!         Param::new("first", Kind::U32, Presence::Optional),
//!     ],
//!     rules: &[Rule::Count(&["ids"], 0, 100), Rule::Range("first", 1, 100)],
//!     query: &[Out::new("id", "ids", Absent::Skip), Out::new("first", "first", Absent::Is("20"))],
//!     ..Spec::EMPTY
//! };
//! assert_eq!(GET_THINGS.params.len(), 2);
//! ```

pub mod read;

pub(crate) mod ads;
pub(crate) mod analytics;
pub(crate) mod bits;
pub(crate) mod channel_points;
pub(crate) mod channels;
pub(crate) mod chat;
pub(crate) mod clips;
pub(crate) mod entitlements;
pub(crate) mod extensions;
pub(crate) mod games;
pub(crate) mod hype_train;
pub(crate) mod moderation;
pub(crate) mod search;
pub(crate) mod streams;
pub(crate) mod subscriptions;
pub(crate) mod tags;
pub(crate) mod users;
pub(crate) mod videos;
pub(crate) mod webhooks;

#[cfg(test)]
mod tests;

/// What the table files use: the vocabulary, and the parameters many
/// endpoints share.
mod prelude {
    pub(super) use super::Absent::*;
    pub(super) use super::Kind::*;
    pub(super) use super::Presence::*;
    pub(super) use super::Rule::*;
    pub(super) use super::{Body, Out, Param, Rule, Spec};

    /// `broadcaster_id`, required.
    pub(super) const BROADCASTER: Param = Param::new("broadcaster_id", Str, Required);
    /// The cursor of the next page.
    pub(super) const AFTER: Param = Param::new("after", Str, Optional);
    /// The cursor of the page before.
    pub(super) const BEFORE: Param = Param::new("before", Str, Optional);
    /// The page size.
    pub(super) const FIRST: Param = Param::new("first", U32, Optional);
}

/// The table entry of the seed method `$cat::$name` (the registry's pairs).
macro_rules! spec_of {
    ($cat:ident, $name:ident) => {
        &crate::spec::$cat::$name
    };
}
pub(crate) use spec_of;

/// What an argument holds, as JSON gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Str,
    /// A list of strings.
    Strs,
    /// A whole number that fits in 32 bits.
    U32,
    /// A whole number that fits in 64 bits.
    U64,
    /// A whole number, or a string of its digits (ids the seed types `int`).
    Id,
    /// `true` or `false`.
    Bool,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An RFC 3339 datetime (the offset may be left out for UTC; `""` is
    /// "not given"), sent as RFC 3339 in UTC.
    Time,
    /// Any JSON value, sent as it is.
    Json,
}

/// Whether an argument must be given, and what `null` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// It must be there, and not `null`.
    Required,
    /// It may be left out; `null` is the same as leaving it out.
    Optional,
    /// It may be left out, but `null` is refused.
    NotNull,
    /// It must be there, but `null` is the same as not giving it.
    Present,
}

/// One argument: its name (the seed's), its kind, its presence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The seed's parameter name (`broadcaster_id`).
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it must be given.
    pub presence: Presence,
}

impl Param {
    /// An argument.
    pub const fn new(name: &'static str, kind: Kind, presence: Presence) -> Param {
        Param {
            name,
            kind,
            presence,
        }
    }
}

/// A rule over the arguments, checked before anything is sent. "Given"
/// means there and not `null` (for a datetime also not `""`); a list counts
/// as given when it has an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A given string is not `""`, a given list has no `""` entry.
    NotEmpty(&'static str),
    /// A given number lies in `min..=max`.
    Range(&'static str, u64, u64),
    /// A given number is one of these.
    OneOf(&'static str, &'static [u64]),
    /// These lists together have `min..=max` entries (left out: none).
    Count(&'static [&'static str], usize, usize),
    /// A given string has `min..=max` characters.
    Chars(&'static str, usize, usize),
    /// Exactly one of these is given.
    ExactlyOne(&'static [&'static str]),
    /// At least one of these is given.
    AtLeastOne(&'static [&'static str]),
    /// When the first (a boolean) is given and `true`, the second is given.
    NeedsWhenTrue(&'static str, &'static str),
    /// The first is given unless one of the others is.
    NeededUnless(&'static str, &'static [&'static str]),
    /// Both datetimes are given or neither, and the first is not after the second.
    Span(&'static str, &'static str),
    /// A given string is a `#RRGGBB` color.
    HexColor(&'static str),
    /// A given value is a JSON object.
    Object(&'static str),
}

/// What goes out when an argument is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// Nothing.
    Skip,
    /// `null` (in a body).
    Null,
    /// This value: query text, or JSON text in a body.
    Is(&'static str),
}

/// One query parameter or body member: its key, the argument it comes from,
/// and what is sent when that argument is not given. A list repeats its key
/// in a query and is a JSON array in a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Out {
    /// The key on the wire.
    pub key: &'static str,
    /// The argument's name.
    pub param: &'static str,
    /// When the argument is not given.
    pub absent: Absent,
    /// Left out altogether when this argument is given.
    pub unless: Option<&'static str>,
}

impl Out {
    /// A query parameter or body member.
    pub const fn new(key: &'static str, param: &'static str, absent: Absent) -> Out {
        Out {
            key,
            param,
            absent,
            unless: None,
        }
    }

    /// A query parameter or body member named as its argument, left out
    /// when that is not given.
    pub const fn same(name: &'static str) -> Out {
        Out::new(name, name, Absent::Skip)
    }

    /// A query parameter or body member named as its argument, `value` when
    /// that is not given.
    pub const fn same_or(name: &'static str, value: &'static str) -> Out {
        Out::new(name, name, Absent::Is(value))
    }

    /// A query parameter or body member that is always `value` (query text,
    /// or JSON text in a body).
    pub const fn fixed(key: &'static str, value: &'static str) -> Out {
        Out::new(key, "", Absent::Is(value))
    }

    /// The same, left out when argument `other` is given.
    pub const fn unless(self, other: &'static str) -> Out {
        Out {
            unless: Some(other),
            ..self
        }
    }
}

/// The shape of the JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// No body.
    None,
    /// An object of the members.
    Object,
    /// `{"data": [object of the members]}`.
    InDataList,
}

/// One endpoint's arguments. Its method, path, token and error mapping come
/// from the typed endpoint (see `dispatch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The arguments; any other key is refused.
    pub params: &'static [Param],
    /// The rules.
    pub rules: &'static [Rule],
    /// The query, in order.
    pub query: &'static [Out],
    /// The body's members (serde_json writes an object's members sorted by
    /// name, as it does for the typed endpoints' bodies).
    pub body: &'static [Out],
    /// The body's shape.
    pub shape: Body,
    /// When none of these is given with a value (a non-empty string or
    /// list), the call needs a user token (without scopes) instead of the
    /// endpoint's usual one: "the token's own user".
    pub own_user_unless: &'static [&'static str],
}

impl Spec {
    /// No arguments, no rules, nothing sent (a base for `..`).
    pub const EMPTY: Spec = Spec {
        params: &[],
        rules: &[],
        query: &[],
        body: &[],
        shape: Body::None,
        own_user_unless: &[],
    };
}

//! What a server answers a failed call with: an error code and a message
//! (`rpc_error#2144ca19 error_code:int error_message:string`), read into a
//! known error where the message names one.

#[cfg(feature = "api")]
use std::fmt;

/// Who may call a function, as far as the bundled facts
/// (`schema/methods.csv`) know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usability {
    /// Users only: a bot calling it gets an error.
    User,
    /// Bots only.
    Bot,
    /// Users and bots.
    Both,
    /// The facts do not say.
    Unknown,
}

/// The error a call was answered with: its code and its message, read into a
/// [`RpcErrorKind`](crate::RpcErrorKind) (a known error, with the number its
/// message carries, or the message as received).
///
/// ```
/// # #[cfg(feature = "api")] {
/// use tl_types::{RpcError, RpcErrorKind};
///
/// let error = RpcError::new(303, "PHONE_MIGRATE_5");
/// assert_eq!(error.kind(), &RpcErrorKind::PhoneMigrate(5));
/// assert_eq!(error.migrate_dc(), Some(5));
/// assert_eq!(error.to_string(), "PHONE_MIGRATE_5");
///
/// let error = RpcError::new(420, "FLOOD_WAIT_30");
/// assert_eq!(error.wait_seconds(), Some(30));
/// assert_eq!(error.code(), 420);
/// # }
/// ```
#[cfg(feature = "api")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RpcError {
    code: i32,
    kind: crate::RpcErrorKind,
}

#[cfg(feature = "api")]
impl RpcError {
    /// The error with this code and message. A message that names no known
    /// error, or names one with a number that is not a plain decimal `i32`
    /// (`FLOOD_WAIT_007`, `FLOOD_WAIT_99999999999`), is kept as
    /// [`RpcErrorKind::Other`](crate::RpcErrorKind::Other).
    pub fn new(code: i32, message: &str) -> RpcError {
        RpcError {
            code,
            kind: crate::RpcErrorKind::parse(message),
        }
    }

    /// The error code as received (400, 420, -503, ...): a known error keeps
    /// the code it came with, whatever codes the facts list for it.
    pub fn code(&self) -> i32 {
        self.code
    }

    /// Which error it is.
    pub fn kind(&self) -> &crate::RpcErrorKind {
        &self.kind
    }

    /// Which error it is, by value.
    pub fn into_kind(self) -> crate::RpcErrorKind {
        self.kind
    }

    /// The data centre to repeat the call in, for `*_MIGRATE_X` errors.
    pub fn migrate_dc(&self) -> Option<i32> {
        self.kind.migrate_dc()
    }

    /// How long to wait before trying again, in seconds, for errors whose
    /// number is a wait (`FLOOD_WAIT_X`, `SLOWMODE_WAIT_X`, ...; minutes
    /// are converted).
    pub fn wait_seconds(&self) -> Option<i32> {
        self.kind.wait_seconds()
    }
}

/// The exact message received.
#[cfg(feature = "api")]
impl fmt::Display for RpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind, f)
    }
}

#[cfg(feature = "api")]
impl std::error::Error for RpcError {}

#[cfg(all(feature = "api", feature = "mtproto"))]
impl From<crate::mtproto::types::RpcError> for RpcError {
    fn from(error: crate::mtproto::types::RpcError) -> RpcError {
        RpcError::new(error.error_code, &error.error_message)
    }
}

#[cfg(all(feature = "api", feature = "mtproto"))]
impl From<&crate::mtproto::types::RpcError> for RpcError {
    fn from(error: &crate::mtproto::types::RpcError) -> RpcError {
        RpcError::new(error.error_code, &error.error_message)
    }
}

/// The number in `message` between `prefix` and `suffix`
/// (`number_between("FILE_PART_3_MISSING", "FILE_PART_", "_MISSING")` is
/// `Some(3)`), if it is written as `i32`'s `Display` writes it: digits, no
/// sign, no leading zero, no overflow. Only such a number makes the message
/// again when written back, so any other is no match.
pub fn number_between(message: &str, prefix: &str, suffix: &str) -> Option<i32> {
    let digits = message.strip_prefix(prefix)?.strip_suffix(suffix)?;
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if canonical { digits.parse().ok() } else { None }
}

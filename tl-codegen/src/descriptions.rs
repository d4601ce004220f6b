//! TEMPORARY stub of the descriptions API (replaced by the real module).
#![allow(missing_docs, dead_code, unused_variables)]
use crate::error::Error;
use std::path::Path;
use tl_parser::Schema;

#[derive(Debug, Clone, Default)]
pub struct Descriptions;
impl Descriptions {
    pub fn from_mtcute_file(path: &Path) -> Result<Descriptions, Error> {
        Ok(Descriptions)
    }
    pub fn from_schema_docs(schemas: &[Schema]) -> Descriptions {
        Descriptions
    }
    pub fn or(self, other: Descriptions) -> Descriptions {
        self
    }
    pub fn constructor(&self, tl_name: &str) -> Option<&DefinitionText> {
        None
    }
    pub fn function(&self, tl_name: &str) -> Option<&DefinitionText> {
        None
    }
    pub fn boxed_type(&self, tl_name: &str) -> Option<&Text> {
        None
    }
    pub fn error(&self, name: &str) -> Option<&Text> {
        None
    }
}
#[derive(Debug, Clone)]
pub struct DefinitionText {
    pub description: Option<Text>,
}
impl DefinitionText {
    pub fn param(&self, name: &str) -> Option<&Text> {
        None
    }
}
#[derive(Debug, Clone)]
pub struct Text;
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkTarget {
    Constructor(String),
    Function(String),
    Type(String),
    External(String),
}
impl Text {
    pub fn plain(&self) -> String {
        String::new()
    }
    pub fn to_markdown(&self, link: &dyn Fn(&LinkTarget) -> Option<String>, cell: bool) -> String {
        String::new()
    }
    pub fn to_html(&self, link: &dyn Fn(&LinkTarget) -> Option<String>) -> String {
        String::new()
    }
}

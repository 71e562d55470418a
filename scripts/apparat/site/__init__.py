"""The edition website: generated pages, the MkDocs configuration, the build, our own checks, the bundle.

`build.build_site` is the one entry point (used by `apparat build`, `serve`, `bundle` and the tests). Each
module does one step; none of them knows how a source was converted.
"""

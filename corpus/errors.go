package corpus

import "errors"

// ErrDuplicate is returned by Store.Put when the article's text is already
// stored under another canonical URL (a syndicated copy). The crawler
// counts such pages under the reason "duplicate".
var ErrDuplicate = errors.New("duplicate text")

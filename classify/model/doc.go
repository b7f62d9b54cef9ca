// Package model is the small learned linear model of package classify:
// named features, weights per slot (detect, service, start, duration,
// cause), scoring, training and cross-validation folds.
//
// A candidate is a list of named features with values; its score for a
// slot is the dot product with the slot's weights. For each slot the
// classifier gathers the candidates the rules propose and keeps the one
// with the highest score (a conditional logit: the probability of each
// candidate is the softmax of the scores of its group). Outage detection
// is the same model over a group of two: "an outage report", with the
// text's evidence features, against "not one", with none.
//
// Train fits the weights by minimising the negative log-likelihood of the
// right candidates plus an L2 penalty, by full-batch gradient descent in a
// fixed order: the same examples always give the same weights. Weights
// are read from and written to a tab-separated file (slot, feature,
// weight); reading validates every line and names file:line in errors.
//
// Folds splits labelled texts for cross-validation: events kept together,
// languages spread evenly, and a split number that deals the texts in
// another order, so that the figures can pool several splits.
//
// This package imports only the standard library.
package model

package classify

import (
	"hash"

	"outages/classify/model"
)

// fileWeights is the data file of the model's weights, written by
// "outages train" (see package model for its format).
const fileWeights = "weights.tsv"

// loadWeights reads the weights (from dir when it holds the file, else
// the embedded copy) and adds them to the data version h.
func loadWeights(dir string, h hash.Hash) (*model.Weights, error) {
	name, b, err := readData(dir, fileWeights)
	if err != nil {
		return nil, err
	}
	h.Write(b)
	return model.Read(name, b)
}

// WithWeights returns a copy of the classifier that scores with w instead
// of its loaded weights (training and cross-validation use it). The copy
// shares the read-only data and rules.
func (c *Classifier) WithWeights(w *model.Weights) *Classifier {
	cp := *c // every field but the weights is shared read-only data
	cp.version += "+w"
	cp.weights = w
	return &cp
}

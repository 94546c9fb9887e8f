// Builds models in TensorFlow.js (cpu), gives them random weights (seeded), saves each in the TF.js
// layers format as tfjs's model.save writes it (OUT/<case>/model.json + weights.bin) with
// OUT/<case>/io.json: the inputs and tfjs's predictions ([{shape, dtype, data}], row-major).
// usage: node save.js OUT        (run by io.keras4j.saving.TfJsNodeTest)
'use strict';
const fs = require('fs'), path = require('path'), tf = require('@tensorflow/tfjs');

function cnn() {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({inputShape: [6, 6, 2], filters: 4, kernelSize: 3, padding: 'same'}));
  m.add(tf.layers.batchNormalization());
  m.add(tf.layers.maxPooling2d({poolSize: 2}));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({units: 3, activation: 'softmax'}));
  return [m, [[3, 6, 6, 2]]];
}
function embeddingLstm() {
  const m = tf.sequential();
  m.add(tf.layers.embedding({inputDim: 10, outputDim: 4, inputLength: 5}));
  m.add(tf.layers.lstm({units: 3, recurrentActivation: 'sigmoid', returnSequences: true}));
  m.add(tf.layers.gru({units: 2, recurrentActivation: 'sigmoid'}));
  return [m, [[2, 5]], 'int32'];
}
function twoInputs() {
  const a = tf.input({shape: [4]}), b = tf.input({shape: [3]});
  const h = tf.layers.concatenate().apply([tf.layers.dense({units: 5, activation: 'tanh'}).apply(a), b]);
  const y = tf.layers.dense({units: 2}).apply(h);
  return [tf.model({inputs: [a, b], outputs: y}), [[2, 4], [2, 3]]];
}

(async () => {
  await tf.setBackend('cpu'); await tf.ready();
  const out = process.argv[2];
  let seed = 1;
  for (const [name, make] of [['tfjs_cnn', cnn], ['tfjs_embedding_lstm', embeddingLstm], ['tfjs_two_inputs', twoInputs]]) {
    const [model, shapes, dtype] = make();
    // Random weights; variances positive.
    model.setWeights(model.weights.map(w => w.name.includes('variance')
        ? tf.randomUniform(w.shape, 0.5, 1.5, 'float32', seed++)
        : tf.randomUniform(w.shape, -1, 1, 'float32', seed++)));
    const xs = shapes.map(s => dtype === 'int32'
        ? tf.randomUniform(s, 0, 10, 'int32', seed++) : tf.randomUniform(s, -1, 1, 'float32', seed++));
    let ys = model.predict(xs.length === 1 ? xs[0] : xs); if (!Array.isArray(ys)) ys = [ys];
    const dir = path.join(out, name); fs.mkdirSync(dir, {recursive: true});
    await model.save(tf.io.withSaveHandler(async art => {
      fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(art.weightData));
      fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({
        format: art.format, generatedBy: art.generatedBy, convertedBy: art.convertedBy,
        modelTopology: art.modelTopology, weightsManifest: [{paths: ['weights.bin'], weights: art.weightSpecs}]}));
      return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
    }));
    const t = x => ({shape: x.shape, dtype: x.dtype, data: Array.from(x.dataSync())});
    fs.writeFileSync(path.join(dir, 'io.json'), JSON.stringify({inputs: xs.map(t), outputs: ys.map(t)}));
    console.log(name);
  }
})().catch(e => { console.error('tfjs failed: ' + e.message); process.exit(1); });

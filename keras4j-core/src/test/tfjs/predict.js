// Loads a TF.js layers model keras4j wrote (DIR/model.json + its shards) with TensorFlow.js
// (cpu backend, tf.io.fromMemory as ../shared/tools/golden/predict_tfjs.js does), predicts on
// DIR/inputs.json ([{shape, data}], row-major) and prints the outputs as JSON: [{shape, data}].
// usage: node predict.js DIR        (run by io.keras4j.saving.TfJsNodeTest)
'use strict';
const fs = require('fs'), path = require('path'), tf = require('@tensorflow/tfjs');
(async () => {
  await tf.setBackend('cpu'); await tf.ready();
  const dir = process.argv[2];
  const mj = JSON.parse(fs.readFileSync(path.join(dir, 'model.json')));
  const specs = [], buffers = [];
  for (const group of mj.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
  }
  const buf = Buffer.concat(buffers);
  const data = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const model = await tf.loadLayersModel(
      tf.io.fromMemory({modelTopology: mj.modelTopology, weightSpecs: specs, weightData: data}));
  const inputs = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json')));
  const xs = inputs.map(i => tf.tensor(i.data, i.shape, i.dtype || 'float32'));
  let ys = model.predict(xs.length === 1 ? xs[0] : xs);
  if (!Array.isArray(ys)) ys = [ys];
  console.log(JSON.stringify(ys.map(y => ({shape: y.shape, data: Array.from(y.dataSync())}))));
})().catch(e => { console.error('tfjs failed: ' + e.message); process.exit(1); });

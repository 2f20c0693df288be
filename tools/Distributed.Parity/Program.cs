// C# side of the PyTorch comparisons in tools/parity (see tools/parity/README.md). Not part of the test command.
//   Distributed.Parity OUTDIR                        step parity: weights, batches and losses for step_parity.py
//   Distributed.Parity mvsa-export DATA OUTDIR       MiniLM weights + MVSA-Single splits encoded by our tokenizer
//   Distributed.Parity mvsa-train DATA OUTJSON [..]  our fine-tuning run on MVSA-Single, test scores as JSON
//   Distributed.Parity speed OUTJSON [..]            MiniLM step / inference / matmul throughput and peak RSS
//   Distributed.Parity ops OUTJSON [--threads 2]     per-op forward timings at the MiniLM shapes (profiling aid)
using Distributed.Parity;

return args switch
{
    ["mvsa-export", var data, var outDir] => Mvsa.Export(data, outDir),
    ["mvsa-train", var data, var outJson, .. var rest] => Mvsa.Train(data, outJson, Options.Parse(rest)),
    ["speed", var outJson, .. var rest] => Speed.Run(outJson, Options.Parse(rest)),
    ["ops", var outJson, .. var rest] => Ops.Run(outJson, Options.Parse(rest)),
    [var outDir] when !outDir.StartsWith('-') => StepParity.Run(outDir),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Distributed.Parity OUTDIR
               Distributed.Parity mvsa-export DATA OUTDIR
               Distributed.Parity mvsa-train DATA OUTJSON [--seed 1] [--epochs 3] [--lr 5e-5] [--max-length 64]
                                  [--batch 32] [--warmup-ratio 0.1] [--lambda 0.1] [--pooling token|mean] [--threads 2]
                                  [--limit-train N]
               Distributed.Parity speed OUTJSON [--threads 2] [--batch 32] [--length 128] [--warmup 2] [--steps 5]
                                  [--infer 5] [--matmul 10]
               Distributed.Parity ops OUTJSON [--threads 2] [--repeats 10] [--model 1] [--optimizer 1]
        """);
    return 2;
}

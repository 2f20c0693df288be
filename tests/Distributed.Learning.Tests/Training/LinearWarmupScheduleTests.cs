using Distributed.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training;

public sealed class LinearWarmupScheduleTests
{
    private const int Total = 100;
    private const int Warmup = 10;

    [Fact]
    public void Multiplier_StepZeroWithWarmup_IsZero()
    {
        Assert.Equal(0.0, new LinearWarmupSchedule(Total, Warmup).Multiplier(0));
    }

    [Fact]
    public void Multiplier_HalfwayThroughWarmup_IsHalf()
    {
        Assert.Equal(0.5, new LinearWarmupSchedule(Total, Warmup).Multiplier(Warmup / 2));
    }

    [Fact]
    public void Multiplier_EndOfWarmup_IsOne()
    {
        Assert.Equal(1.0, new LinearWarmupSchedule(Total, Warmup).Multiplier(Warmup));
    }

    [Fact]
    public void Multiplier_LastStep_IsOneOverDecaySteps()
    {
        Assert.Equal(1.0 / (Total - Warmup), new LinearWarmupSchedule(Total, Warmup).Multiplier(Total - 1), 15);
    }

    [Fact]
    public void Multiplier_PastTheEnd_IsZero()
    {
        Assert.Equal(0.0, new LinearWarmupSchedule(Total, Warmup).Multiplier(Total + 5));
    }

    [Fact]
    public void Multiplier_NoWarmup_StartsAtOne()
    {
        Assert.Equal(1.0, new LinearWarmupSchedule(Total, 0).Multiplier(0));
    }

    [Fact]
    public void Apply_AfterAdvancing_SetsScheduledRateOnEveryParamGroup()
    {
        using var scope = NewDisposeScope();
        using var layer = nn.Linear(2, 2);
        using var optimizer = optim.AdamW(layer.parameters(), 1.0);
        var schedule = new LinearWarmupSchedule(Total, Warmup);
        for (var i = 0; i < 3; i++)
        {
            schedule.Advance();
        }

        var rate = schedule.Apply(optimizer, 1e-3);

        Assert.Equal(1e-3 * 3 / Warmup, rate, 15);
        Assert.All(optimizer.ParamGroups, group => Assert.Equal(rate, group.LearningRate));
    }

    [Fact]
    public void Restore_ToStep_ResumesThere()
    {
        var schedule = new LinearWarmupSchedule(Total, Warmup);
        schedule.Restore(42);
        Assert.Equal(42, schedule.Step);
    }

    [Fact]
    public void Constructor_WarmupLongerThanRun_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWarmupSchedule(5, 6));
    }
}

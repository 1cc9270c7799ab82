<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AppModel</name>
    <message>
        <location filename="../../micrograd_gui/ui/app_model.py" line="121"/>
        <source>The plane holds at most {n} points; remove some first.</source>
        <translation>平面上最多只能有 {n} 个点；请先删除一些。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/app_model.py" line="128"/>
        <source>Class {n} added: the output layer grew to {n} outputs and the weights were re-initialised.</source>
        <translation>已添加第 {n} 类：输出层增加到 {n} 个输出，权重已重新初始化。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/app_model.py" line="321"/>
        <source>lesson: {title}</source>
        <translation>课程：{title}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/app_model.py" line="349"/>
        <source>Paused at step {n}, where the lesson says to look. Press Space to train on.</source>
        <translation>已在第 {n} 步暂停，这正是课程说要观察的地方。按空格键继续训练。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/app_model.py" line="362"/>
        <source>Locked by the teacher: {controls}. View ▸ Teacher mode… unlocks it.</source>
        <translation>已被教师锁定：{controls}。可在“视图 ▸ 教师模式…”中解锁。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/app_model.py" line="380"/>
        <source>Training diverged.</source>
        <translation>训练发散了。</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../../micrograd_gui/ui/app_shell.py" line="59"/>
        <source>Stop the recording (File ▸ Record) before switching the language.</source>
        <translation>请先停止录制（文件 ▸ 录制），再切换语言。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/app_shell.py" line="63"/>
        <source>The recording is still being saved: switch the language when it is done.</source>
        <translation>录制仍在保存中：请在保存完成后再切换语言。</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="37"/>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="38"/>
        <source>1000 steps/s</source>
        <translation>1000 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="39"/>
        <source>300 steps/s</source>
        <translation>300 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="40"/>
        <source>100 steps/s</source>
        <translation>100 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="41"/>
        <source>30 steps/s</source>
        <translation>30 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="42"/>
        <source>10 steps/s</source>
        <translation>10 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="43"/>
        <source>3 steps/s</source>
        <translation>3 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="44"/>
        <source>1 step/s</source>
        <translation>1 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="58"/>
        <location filename="../../micrograd_gui/ui/controls.py" line="397"/>
        <source>Play</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="60"/>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="61"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="63"/>
        <source>One training step (Right arrow)</source>
        <translation>训练一步（右方向键）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="64"/>
        <source>Step ×10</source>
        <translation>十步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="66"/>
        <source>Ten training steps</source>
        <translation>训练十步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="67"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="69"/>
        <source>Re-initialise the weights from the seed and apply network changes (R)</source>
        <translation>用种子重新初始化权重，并应用网络结构的修改（R）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="88"/>
        <source>Slow training down to follow it step by step</source>
        <translation>放慢训练，便于逐步观察</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="90"/>
        <source>Fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="93"/>
        <source>As fast as possible; click again for the pace chosen before</source>
        <translation>尽可能快；再点一次回到之前选的速度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="98"/>
        <location filename="../../micrograd_gui/ui/controls.py" line="141"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="100"/>
        <source>Step size; applies from the next step</source>
        <translation>步长；从下一步起生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="103"/>
        <source>Learning rate on a logarithmic scale, from 0.0001 to 10</source>
        <translation>对数刻度的学习率，从 0.0001 到 10</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="108"/>
        <source>How gradients become updates; applies live</source>
        <translation>梯度如何变成参数更新；立即生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="109"/>
        <location filename="../../micrograd_gui/ui/controls.py" line="148"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="115"/>
        <source>How much of the last update carries into the next one</source>
        <translation>上一次更新有多少带入下一次</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="116"/>
        <source>AdamW: decay of the running mean of gradients (m)</source>
        <translation>AdamW：梯度滑动平均 (m) 的衰减系数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="117"/>
        <source>AdamW: decay of the running mean of squared gradients (v)</source>
        <translation>AdamW：梯度平方滑动平均 (v) 的衰减系数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="118"/>
        <location filename="../../micrograd_gui/ui/controls.py" line="151"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="120"/>
        <source>AdamW: decoupled decay; SGD: added to the gradient</source>
        <translation>AdamW：解耦的权重衰减；SGD：加到梯度上</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="121"/>
        <source>Linear decay</source>
        <translation>线性衰减</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="123"/>
        <source>lr_k = lr · (1 − 0.9·k/steps), as in micrograd&apos;s demo</source>
        <translation>lr_k = lr · (1 − 0.9·k/steps)，与 micrograd 的演示相同</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="126"/>
        <source>Adds α·Σp² to the loss</source>
        <translation>在损失上加 α·Σp²</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="129"/>
        <source>Adds α·Σ|p| to the loss: each weight&apos;s gradient gets α·sign(p), toward 0; a weight at exactly 0 gets nothing</source>
        <translation>在损失上加 α·Σ|p|：每个权重的梯度加上 α·sign(p)，推向 0；恰好为 0 的权重不受推动</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="134"/>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="134"/>
        <source>1 point</source>
        <translation>1 个点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="135"/>
        <location filename="../../micrograd_gui/ui/controls.py" line="365"/>
        <source>{n} points</source>
        <translation>{n} 个点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="137"/>
        <source>Mini-batches are drawn from the seed</source>
        <translation>小批量由种子决定</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="142"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="153"/>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="154"/>
        <source>L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="155"/>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="166"/>
        <source>Optimisation (applies live)</source>
        <translation>优化（立即生效）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="175"/>
        <source>What the network minimises; applies on Reset</source>
        <translation>网络要最小化的目标；重置后生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="179"/>
        <source>Stable softmax</source>
        <translation>稳定 softmax</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="181"/>
        <source>Subtract max(logits) before exp; off reproduces LLM101n&apos;s reference exactly</source>
        <translation>求 exp 前先减去 max(logits)；关闭时与 LLM101n 的参考实现完全一致</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="185"/>
        <source>Number of hidden layers (0: a linear model)</source>
        <translation>隐藏层数（0：线性模型）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="196"/>
        <source>Neurons in hidden layer {n}</source>
        <translation>第 {n} 个隐藏层的神经元数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="200"/>
        <source>The nonlinearity of the hidden neurons; applies on Reset</source>
        <translation>隐藏层神经元的非线性函数；重置后生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="208"/>
        <source>Initial weights: uniform in ±1/√(inputs) as LLM101n, or in ±1 as micrograd&apos;s nn.py</source>
        <translation>初始权重：像 LLM101n 那样在 ±1/√(输入数) 内均匀分布，或像 micrograd 的 nn.py 那样在 ±1 内均匀分布</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="218"/>
        <location filename="../../micrograd_gui/ui/controls.py" line="312"/>
        <source>Give the network {name} of each point as an input; applies on Reset</source>
        <translation>把每个点的 {name} 作为网络的输入；按“重置”后生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="223"/>
        <source>Network changes apply when you press Reset (R).</source>
        <translation>网络结构的修改在按下重置（R）后生效。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="229"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="233"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="230"/>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="162"/>
        <source>Momentum, AdamW&apos;s betas, weight decay, L2 and L1 penalties and batch size</source>
        <translation>动量、AdamW 的 β、权重衰减、L2 与 L1 惩罚和批大小</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="231"/>
        <source>Neurons</source>
        <translation>神经元</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="232"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="235"/>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="237"/>
        <source>Network (applies on Reset)</source>
        <translation>网络（重置后生效）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="253"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="311"/>
        <source>The network needs at least one input: tick another one first</source>
        <translation>网络至少需要一个输入：请先勾选另一个</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="321"/>
        <source>Fewer settings</source>
        <translation>收起设置</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="321"/>
        <source>More settings</source>
        <translation>更多设置</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/controls.py" line="397"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="133"/>
        <source>Click: add a point of the active class · Shift-click: next class · Drag: move · Right-click or Ctrl-click: remove · Alt-click: train, validation or test</source>
        <translation>单击：添加当前类别的点 · Shift+单击：下一类别 · 拖动：移动 · 右键或 Ctrl+单击：删除 · Alt+单击：切换训练、验证或测试</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="166"/>
        <source>probe</source>
        <translation>探针</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="169"/>
        <source>The point whose computation graph is shown: drag it, or click a data point</source>
        <translation>显示其计算图的点：拖动它，或单击一个数据点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="177"/>
        <source>● train  ▲ val  □ test</source>
        <translation>● 训练  ▲ 验证  □ 测试</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="179"/>
        <source>Filled dots train the model; triangles are the validation split; hollow squares the test split, never trained on</source>
        <translation>实心圆点用于训练模型；三角形是验证集；空心方块是测试集，从不参与训练</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="223"/>
        <source>{n} points: {train} train · {val} val · {test} test</source>
        <translation>{n} 个点：训练 {train} · 验证 {val} · 测试 {test}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/data_panel.py" line="296"/>
        <source>Showing neuron {name} — move away to see the regions</source>
        <translation>正在显示神经元 {name} — 移开鼠标可查看分类区域</translation>
    </message>
</context>
<context>
    <name>DatasetPanel</name>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="50"/>
        <source>Which dataset Regenerate draws</source>
        <translation>“重新生成”使用哪个数据集</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="56"/>
        <source>How many points to draw (at most {n})</source>
        <translation>生成多少个点（最多 {n} 个）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="61"/>
        <source>Gaussian noise added to each point</source>
        <translation>给每个点加上的高斯噪声</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="65"/>
        <source>Number of classes (as many as the dataset allows)</source>
        <translation>类别数（在数据集允许的范围内）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="71"/>
        <source>The share of the drawn points that trains; the rest is split evenly between validation and test. Regenerate applies it</source>
        <translation>生成的点中用于训练的比例；其余平分给验证集和测试集。按“重新生成”后生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="83"/>
        <source>One seed reproduces the data, the initial weights and the mini-batches; Regenerate or Reset applies it</source>
        <translation>同一个种子可以复现数据、初始权重和小批量；按“重新生成”或“重置”后生效</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="86"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="88"/>
        <source>Draw a new dataset from the seed; the model is re-initialised</source>
        <translation>用种子生成新的数据集；模型将重新初始化</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="94"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="95"/>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="96"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="97"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="98"/>
        <source>Train share</source>
        <translation>训练占比</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="99"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="114"/>
        <source>Clicks add class {n} points (key {n})</source>
        <translation>单击添加第 {n} 类的点（按键 {n}）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="125"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="127"/>
        <source>Remove every point (undoable)</source>
        <translation>删除所有点（可撤销）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="128"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="130"/>
        <source>Undo the last data edit (Ctrl+Z)</source>
        <translation>撤销上一次数据编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="131"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="133"/>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="144"/>
        <source>Click adds class:</source>
        <translation>单击添加的类别：</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="170"/>
        <source>New points:</source>
        <translation>新点用于：</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="172"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="172"/>
        <source>New points train the model</source>
        <translation>新点用来训练模型</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="173"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="173"/>
        <source>New points measure the validation loss</source>
        <translation>新点用来计算验证损失</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="174"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="174"/>
        <source>New points are never trained on: the test</source>
        <translation>新点从不参与训练：测试集</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="178"/>
        <source> (Alt-click a point to change its split)</source>
        <translation>（Alt+单击一个点可更改它所属的数据集）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="221"/>
        <source>val {val} % · test {test} %</source>
        <translation>验证 {val} % · 测试 {test} %</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/dataset_panel.py" line="230"/>
        <source>Class {n} is new to the model: adding one grows the output layer to {n} outputs and re-initialises the weights.</source>
        <translation>第 {n} 类对模型来说是新的：添加一个这样的点，输出层会增加到 {n} 个输出，并重新初始化权重。</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="254"/>
        <source>Yin-yang</source>
        <translation>阴阳</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="255"/>
        <source>Quadrants</source>
        <translation>象限</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="256"/>
        <source>Rings</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="257"/>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="258"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="259"/>
        <source>XOR</source>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="260"/>
        <source>Gaussian blobs</source>
        <translation>高斯团</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/datasets.py" line="261"/>
        <source>Hand-placed</source>
        <translation>手动放置</translation>
    </message>
</context>
<context>
    <name>Divergence</name>
    <message>
        <location filename="../../micrograd_gui/core/divergence.py" line="23"/>
        <source>The network&apos;s outputs overflowed to infinity: the weights have grown too large.</source>
        <translation>网络的输出溢出为无穷大：权重变得过大。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/divergence.py" line="25"/>
        <source>An exp overflowed: a logit reached {top}, and exp of anything above {limit} is infinite in 64-bit floats, so the softmax divided infinity by infinity. The reference cross-entropy exponentiates the raw logits; the stable one (Stable softmax, applied on Reset) subtracts the largest logit first.</source>
        <translation>exp 溢出：某个 logit 达到 {top}，而在 64 位浮点数中，任何大于 {limit} 的数的 exp 都是无穷大，于是 softmax 用无穷大除以无穷大。参考版交叉熵直接对原始 logit 取指数；稳定版（稳定 softmax，重置时生效）会先减去最大的 logit。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/divergence.py" line="29"/>
        <source>A softmax probability underflowed to 0: the logits of a point are {spread} apart and exp of anything below {limit} is 0, so the loss took log(0).</source>
        <translation>softmax 概率下溢为 0：某个点的 logit 相差 {spread}，而任何小于 {limit} 的数的 exp 都是 0，于是损失计算了 log(0)。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/divergence.py" line="31"/>
        <source>A softmax probability became too small for its gradient: the logits of a point are {spread} apart, so p is below exp(-{limit}) and the gradient of log(p), 1/p, overflowed to infinity.</source>
        <translation>softmax 概率小到无法求梯度：某个点的 logit 相差 {spread}，所以 p 小于 exp(-{limit})，log(p) 的梯度 1/p 溢出为无穷大。</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="103"/>
        <source>Recording the plane… choose File ▸ Record again to stop and save</source>
        <translation>正在录制平面… 再次选择 文件 ▸ 录制 即可停止并保存</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="111"/>
        <source>Save the recording</source>
        <translation>保存录制内容</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="64"/>
        <source>PNG, as on screen (*.png)</source>
        <translation>PNG，与屏幕上相同 (*.png)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="64"/>
        <source>PNG, 1280 × 720 for slides (*.png)</source>
        <translation>PNG，1280 × 720，用于幻灯片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="65"/>
        <source>PNG, 1920 × 1080 for slides (*.png)</source>
        <translation>PNG，1920 × 1080，用于幻灯片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="66"/>
        <source>Export the plane as PNG</source>
        <translation>将平面导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="109"/>
        <source>Animated GIF, {width} px wide (*.gif)</source>
        <translation>GIF 动画，宽 {width} 像素 (*.gif)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="110"/>
        <source>PNG frames into a folder (*)</source>
        <translation>PNG 帧，存入文件夹 (*)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="124"/>
        <source>A recording is still being saved; save this one when it is done.</source>
        <translation>上一段录制仍在保存中；请在它完成后再保存这一段。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="128"/>
        <location filename="../../micrograd_gui/ui/exports.py" line="159"/>
        <source>Could not save the recording to {path}: {error}</source>
        <translation>无法将录制内容保存到 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="137"/>
        <source>Saving the recording to {name}…</source>
        <translation>正在把录制保存到 {name}…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="143"/>
        <source>Saving the recording to {name}: {done} of {total} frames</source>
        <translation>正在把录制保存到 {name}：第 {done} / {total} 帧</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="150"/>
        <source>Saved {n} frames to {name}</source>
        <translation>已将 {n} 帧保存到 {name}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="172"/>
        <source>Export as PNG</source>
        <translation>导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="182"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>GradLegend</name>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="33"/>
        <source>Gradient colours: blue is negative, red positive, white zero; the square root of |grad| / max keeps small gradients visible</source>
        <translation>梯度颜色：蓝色为负，红色为正，白色为零；取 |grad| / max 的平方根，让较小的梯度也能看清</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="35"/>
        <source>grad</source>
        <translation>梯度</translation>
    </message>
</context>
<context>
    <name>GraphPanel</name>
    <message>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="23"/>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="63"/>
        <source>point ({x}, {y})</source>
        <translation>点 ({x}, {y})</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="27"/>
        <source>The class the point&apos;s loss is computed for</source>
        <translation>计算该点损失时所用的类别</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="98"/>
        <source>Type a node&apos;s label and press Enter to select it</source>
        <translation>输入节点标签并按回车选中它</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="99"/>
        <source>find a node: w[0][1][0], logit 2, loss …</source>
        <translation>查找节点：w[0][1][0]、logit 2、loss …</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="104"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="105"/>
        <source>Fit the whole graph in view (F)</source>
        <translation>让整个计算图适应窗口（F）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="107"/>
        <source>Collapse neurons</source>
        <translation>折叠神经元</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="108"/>
        <source>One box per neuron: its output and grad</source>
        <translation>每个神经元显示为一个框：输出和梯度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="110"/>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="110"/>
        <source>Show every scalar</source>
        <translation>显示每个标量</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="112"/>
        <source>Export the graph as SVG</source>
        <translation>将计算图导出为 SVG</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="114"/>
        <source>Export the graph as PNG</source>
        <translation>将计算图导出为 PNG</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="30"/>
        <source>label</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="117"/>
        <source>Reset grads</source>
        <translation>梯度清零</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="118"/>
        <source>Start backprop by hand: every grad back to 0 (with training paused)</source>
        <translation>开始手动反向传播：所有梯度归零（需先暂停训练）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="121"/>
        <source>Backward step</source>
        <translation>反向一步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="122"/>
        <source>Apply one node&apos;s chain rule, in reverse topological order (B)</source>
        <translation>按逆拓扑顺序，对一个节点应用链式法则（B）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="125"/>
        <source>Forward step</source>
        <translation>前向一步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="126"/>
        <source>Compute one node, in topological order (N)</source>
        <translation>按拓扑顺序，计算一个节点（N）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="128"/>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="351"/>
        <source>Animate</source>
        <translation>动画</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="129"/>
        <source>Play the current pass as an animation (P)</source>
        <translation>以动画播放当前的传播过程（P）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="131"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="132"/>
        <source>End the step-through: every value and grad as computed (Esc)</source>
        <translation>结束逐步演示：所有值和梯度恢复为计算结果（Esc）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="139"/>
        <source>Animation speed, nodes per second</source>
        <translation>动画速度，每秒节点数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="170"/>
        <source>Step through:</source>
        <translation>逐步执行：</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="171"/>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="398"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="52"/>
        <source>class {n} (logit {k})</source>
        <translation>第 {n} 类 (logit {k})</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="226"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="74"/>
        <source>pause training to step through</source>
        <translation>请先暂停训练再逐步执行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_panel.py" line="76"/>
        <source>Pause training (Space) to step through the graph.</source>
        <translation>先暂停训练（空格键），再逐步查看计算图。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="282"/>
        <source>grads reset: 0 / {n} nodes</source>
        <translation>梯度已清零：0 / {n} 个节点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="303"/>
        <source>backward: node {pos} / {n}</source>
        <translation>反向传播：节点 {pos} / {n}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="306"/>
        <source> · done: grads equal backward()</source>
        <translation> · 完成：梯度与 backward() 的结果相同</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="306"/>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="333"/>
        <source> · done</source>
        <translation> · 完成</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="332"/>
        <source>forward: node {pos} / {n}</source>
        <translation>前向传播：节点 {pos} / {n}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="358"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="374"/>
        <source>micrograd GUI computation graph</source>
        <translation>micrograd GUI 计算图</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="382"/>
        <source>Export graph as SVG</source>
        <translation>将计算图导出为 SVG</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_stage.py" line="388"/>
        <source>Export graph as PNG</source>
        <translation>将计算图导出为 PNG</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../micrograd_gui/ui/help.py" line="8"/>
        <source>
&lt;h3&gt;How to use it&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;&lt;b&gt;Click&lt;/b&gt; on the plane to add a point of the active class; &lt;b&gt;Shift-click&lt;/b&gt; adds the next class.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Drag&lt;/b&gt; a point to move it; &lt;b&gt;right-click&lt;/b&gt; or &lt;b&gt;Ctrl-click&lt;/b&gt; removes the nearest one.&lt;/li&gt;
&lt;li&gt;Press &lt;b&gt;Space&lt;/b&gt; to train and watch the regions, the loss and the accuracy change.&lt;/li&gt;
&lt;li&gt;Change the learning rate or optimizer while it runs; network changes apply on &lt;b&gt;Reset&lt;/b&gt;.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Click a point&lt;/b&gt; (or drag the crosshair probe) to see the computation graph of its loss: every
scalar with its value and gradient. Click a node for the chain rule behind its gradient.&lt;/li&gt;
&lt;li&gt;Pause, press &lt;b&gt;Reset grads&lt;/b&gt;, then &lt;b&gt;B&lt;/b&gt; to run backprop one node at a time.&lt;/li&gt;
&lt;li&gt;Press &lt;b&gt;W&lt;/b&gt; for the network: every neuron&apos;s output over the plane, weights as blue (negative) and red
(positive) lines. Hover for a value, click a line or double-click a neuron to type a new weight or bias
(&lt;b&gt;Ctrl+Z&lt;/b&gt; undoes it), click a neuron to see its map large. &lt;b&gt;O&lt;/b&gt; shows the optimizer&apos;s state.&lt;/li&gt;
&lt;li&gt;Press &lt;b&gt;E&lt;/b&gt; for the Scratchpad: type micrograd code such as c = a*b + b**2 and drag a leaf&apos;s slider to
watch every value and gradient move.&lt;/li&gt;
&lt;/ol&gt;
&lt;h3&gt;Keys&lt;/h3&gt;
&lt;table cellpadding=&quot;3&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Play / Pause&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;One training step&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ten training steps&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reset the weights from the seed (data kept)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; – &lt;b&gt;6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Active class for clicks&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / redo the last edit (points, or a typed weight)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;V&lt;/b&gt;, &lt;b&gt;H&lt;/b&gt;, &lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Regions on/off, hard argmax, 0.5 contour&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Show / hide the computation graph&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Show / hide the network view (neuron maps, weights)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Show / hide the optimizer state (every parameter&apos;s value, grad, m, v, update)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Show / hide the Scratchpad (type an expression, drag its leaves)&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;B&lt;/b&gt; / &lt;b&gt;N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the graph: one backward / forward step by hand&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;P&lt;/b&gt;, &lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the graph: animate the pass, leave step-through&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;F&lt;/b&gt;, wheel, drag&lt;/td&gt;&lt;td&gt;In the graph: fit, zoom, pan; double-click folds a neuron&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This overview&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;● train points · ▲ validation points · hollow ■ test points (never trained on).&lt;/p&gt;
</source>
        <translation>
&lt;h3&gt;使用方法&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;在平面上&lt;b&gt;单击&lt;/b&gt;，添加一个当前类别的点；&lt;b&gt;Shift+单击&lt;/b&gt;添加下一个类别的点。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;拖动&lt;/b&gt;一个点可以移动它；&lt;b&gt;右键单击&lt;/b&gt;或 &lt;b&gt;Ctrl+单击&lt;/b&gt;删除最近的点。&lt;/li&gt;
&lt;li&gt;按 &lt;b&gt;空格键&lt;/b&gt;开始训练，观察区域、损失和准确率的变化。&lt;/li&gt;
&lt;li&gt;训练进行中可以修改学习率或优化器；网络结构的修改在&lt;b&gt;重置&lt;/b&gt;后生效。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;单击一个点&lt;/b&gt;（或拖动十字探针），查看它的损失的计算图：每个标量的值和梯度。单击一个节点，查看其梯度背后的链式法则。&lt;/li&gt;
&lt;li&gt;暂停训练，按&lt;b&gt;梯度清零&lt;/b&gt;，再按 &lt;b&gt;B&lt;/b&gt;，逐个节点地执行反向传播。&lt;/li&gt;
&lt;li&gt;按 &lt;b&gt;W&lt;/b&gt; 查看网络：每个神经元在整个平面上的输出，权重画成蓝色（负）和红色（正）的连线。悬停查看数值；单击连线或双击神经元，可以输入新的权重或偏置（&lt;b&gt;Ctrl+Z&lt;/b&gt; 撤销）；单击神经元可以放大查看它的输出图。&lt;b&gt;O&lt;/b&gt; 显示优化器的状态。&lt;/li&gt;
&lt;li&gt;按 &lt;b&gt;E&lt;/b&gt; 打开草稿板：输入 micrograd 代码，例如 c = a*b + b**2，拖动叶子节点的滑块，观察每个值和梯度如何变化。&lt;/li&gt;
&lt;/ol&gt;
&lt;h3&gt;快捷键&lt;/h3&gt;
&lt;table cellpadding=&quot;3&quot;&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;开始 / 暂停&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;训练一步&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;训练十步&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;用种子重置权重（数据保留）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; – &lt;b&gt;6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;单击时添加的类别&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;撤销 / 重做上一次编辑（点，或输入的权重）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;V&lt;/b&gt;、&lt;b&gt;H&lt;/b&gt;、&lt;b&gt;C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示/隐藏区域、硬 argmax、0.5 等高线&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示 / 隐藏计算图&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;W&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示 / 隐藏网络视图（神经元输出图、权重）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示 / 隐藏优化器状态（每个参数的值、grad、m、v、更新量）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示 / 隐藏草稿板（输入表达式，拖动它的叶子节点）&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;B&lt;/b&gt; / &lt;b&gt;N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;在计算图中：手动执行一步反向 / 前向传播&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;P&lt;/b&gt;、&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;在计算图中：动画播放整个传播过程、退出逐步执行&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;F&lt;/b&gt;、滚轮、拖动&lt;/td&gt;&lt;td&gt;在计算图中：适应窗口、缩放、平移；双击可折叠一个神经元&lt;/td&gt;&lt;/tr&gt;
&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;本说明&lt;/td&gt;&lt;/tr&gt;
&lt;/table&gt;
&lt;p&gt;● 训练集的点 · ▲ 验证集的点 · 空心 ■ 测试集的点（从不参与训练）。&lt;/p&gt;
</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="17"/>
        <source>the other input</source>
        <translation>另一个输入</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="18"/>
        <location filename="../../micrograd_gui/ui/inspector.py" line="19"/>
        <source>1 if out &gt; 0 else 0</source>
        <translation>out &gt; 0 时为 1，否则为 0</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="22"/>
        <source>the chain rule inside the box: the activation&apos;s slope × the weight</source>
        <translation>框内的链式法则：激活函数的斜率 × 权重</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="51"/>
        <source> · {n} nodes collapsed (double-click to expand)</source>
        <translation> · 折叠了 {n} 个节点（双击展开）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="56"/>
        <source>&lt;p&gt;numerical grad (f(x+h) − f(x−h)) / 2h = &lt;b&gt;{numeric}&lt;/b&gt;&lt;br&gt;grad − numerical = &lt;b&gt;{diff}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;数值梯度 (f(x+h) − f(x−h)) / 2h = &lt;b&gt;{numeric}&lt;/b&gt;&lt;br&gt;梯度 − 数值梯度 = &lt;b&gt;{diff}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="62"/>
        <source>&lt;p&gt;&lt;b&gt;Inputs&lt;/b&gt; (local derivative ∂out/∂in{rule}):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;（局部导数 ∂out/∂in{rule}）：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="66"/>
        <source>&lt;li&gt;{node}: data {data}, ∂/∂in = {d}&lt;/li&gt;</source>
        <translation>&lt;li&gt;{node}：数据 {data}，∂/∂in = {d}&lt;/li&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="70"/>
        <source>&lt;p&gt;&lt;b&gt;Gradient:&lt;/b&gt; the loss itself, so backward() starts here with grad = 1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;梯度：&lt;/b&gt;这就是损失本身，所以 backward() 从这里开始，grad = 1。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="73"/>
        <source>&lt;p&gt;&lt;b&gt;How its grad was made&lt;/b&gt; (one product per consumer, summed):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;它的梯度是怎样得到的&lt;/b&gt;（每个使用它的节点贡献一个乘积，然后求和）：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="76"/>
        <source>this</source>
        <translation>本节点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="85"/>
        <source>&lt;p&gt;sum = {total}&lt;/p&gt;</source>
        <translation>&lt;p&gt;总和 = {total}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="86"/>
        <source>&lt;p&gt;&lt;b&gt;Consumers:&lt;/b&gt; {nodes}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;使用它的节点：&lt;/b&gt;{nodes}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="89"/>
        <source>&lt;p&gt;Every path from this parameter to the loss is highlighted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;从这个参数到损失的每条路径都已高亮显示。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/inspector.py" line="101"/>
        <source>&lt;p&gt;Click a node to see its op, its inputs, its local derivatives and the chain-rule products that made its gradient.&lt;/p&gt;</source>
        <translation>&lt;p&gt;单击一个节点，查看它的运算、输入、局部导数，以及构成其梯度的链式法则乘积。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LeafControls</name>
    <message>
        <location filename="../../micrograd_gui/ui/scratch_leaves.py" line="39"/>
        <source>{name}, line {line} of the text</source>
        <translation>{name}，文本第 {line} 行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratch_leaves.py" line="46"/>
        <source>Drag to change {name}: every value and gradient follows</source>
        <translation>拖动以改变 {name}：所有值和梯度随之变化</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratch_leaves.py" line="109"/>
        <source>{n} more leaves keep the values in the text</source>
        <translation>另外 {n} 个叶子节点保持文本中的值</translation>
    </message>
</context>
<context>
    <name>LessonBox</name>
    <message>
        <location filename="../../micrograd_gui/ui/lesson_box.py" line="28"/>
        <source>Hide (the Lessons menu has it again)</source>
        <translation>隐藏（“课程”菜单里可再次打开）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/lesson_box.py" line="54"/>
        <source>&lt;b&gt;Lesson: {title}.&lt;/b&gt; {instructions}</source>
        <translation>&lt;b&gt;课程：{title}。&lt;/b&gt;{instructions}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/lesson_box.py" line="62"/>
        <source>&lt;b&gt;Welcome.&lt;/b&gt; Press &lt;b&gt;Space&lt;/b&gt; (or &lt;b&gt;Play&lt;/b&gt;, top left) and watch the network learn to colour the plane by class; the loss falls on the right. Click the plane to add a point (keys &lt;b&gt;1&lt;/b&gt;–&lt;b&gt;6&lt;/b&gt; choose its class), press &lt;b&gt;G&lt;/b&gt; for one point&apos;s loss as a graph of scalars, and open the &lt;b&gt;Lessons&lt;/b&gt; menu for guided experiments. &lt;b&gt;F1&lt;/b&gt; lists every key.</source>
        <translation>&lt;b&gt;欢迎。&lt;/b&gt;按&lt;b&gt;空格键&lt;/b&gt;（或左上角的&lt;b&gt;开始&lt;/b&gt;），看网络学会按类别给平面上色；右侧的损失随之下降。单击平面可添加一个点（按 &lt;b&gt;1&lt;/b&gt;–&lt;b&gt;6&lt;/b&gt; 选择类别），按 &lt;b&gt;G&lt;/b&gt; 查看一个点的损失的标量计算图，打开&lt;b&gt;课程&lt;/b&gt;菜单进行有引导的实验。&lt;b&gt;F1&lt;/b&gt; 列出所有按键。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="52"/>
        <source>LLM101n: yin-yang</source>
        <translation>LLM101n：阴阳</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="59"/>
        <source>micrograd&apos;s moons demo</source>
        <translation>micrograd 的双月演示</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="65"/>
        <source>XOR without a hidden layer</source>
        <translation>没有隐藏层的异或</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="65"/>
        <source>&lt;b&gt;A line cannot do XOR.&lt;/b&gt; This model has no hidden layer, so its boundary is a straight line: the black 0.5 contour. Train it: after 200 steps the accuracy stalls at 80 % or below, because a line gets at most three of the four quadrants right. Then open the next lesson.</source>
        <translation>&lt;b&gt;一条直线做不了 XOR。&lt;/b&gt;这个模型没有隐藏层，所以它的边界是一条直线：黑色的 0.5 等值线。训练它：200 步后准确率停在 80% 或更低，因为一条直线最多只能分对四个象限中的三个。然后打开下一课。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="72"/>
        <source>XOR with a hidden layer</source>
        <translation>有隐藏层的异或</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="78"/>
        <source>&lt;b&gt;Features instead of layers.&lt;/b&gt; This network has no hidden layer, but its inputs are x² and y² instead of x and y: its boundaries are straight lines in x² and y², which are circles and ellipses on the plane. Press &lt;b&gt;Space&lt;/b&gt;: within 100 steps over 90 % of the training points are right. Click a point: its graph starts with the nodes x0² and x1², built from x0 and x1. Under &lt;b&gt;Inputs&lt;/b&gt;, tick x and y, untick x² and y² and press &lt;b&gt;R&lt;/b&gt;: with straight lines it stalls below 70 %.</source>
        <translation>&lt;b&gt;用特征代替层。&lt;/b&gt;这个网络没有隐藏层，但它的输入是 x² 和 y²，而不是 x 和 y：它的边界是关于 x² 和 y² 的直线，在平面上就是圆和椭圆。按 &lt;b&gt;空格&lt;/b&gt;：100 步之内，超过 90 % 的训练点被分对。单击一个点：它的计算图从由 x0 和 x1 算出的节点 x0² 和 x1² 开始。在&lt;b&gt;输入&lt;/b&gt;下勾选 x 和 y，取消 x² 和 y²，再按 &lt;b&gt;R&lt;/b&gt;：只用直线时，准确率停在 70 % 以下。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="87"/>
        <source>A learning rate too high</source>
        <translation>学习率太大</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="52"/>
        <source>&lt;b&gt;The LLM101n run.&lt;/b&gt; A 2-8-3 network learns three classes. Press &lt;b&gt;Space&lt;/b&gt; and watch the regions take the yin-yang&apos;s shape: within 100 steps over 90 % of the training points are right. Click a point to see its loss as a graph of scalars; pause and press &lt;b&gt;B&lt;/b&gt; to apply the chain rule one node at a time.</source>
        <translation>&lt;b&gt;LLM101n 的训练过程。&lt;/b&gt;一个 2-8-3 的网络学习三个类别。按&lt;b&gt;空格键&lt;/b&gt;，观察各个区域逐渐变成阴阳的形状：100 步之内，超过 90 % 的训练点会被分对。单击一个点，可以看到它的损失由一个个标量组成的计算图；暂停后按 &lt;b&gt;B&lt;/b&gt;，逐个节点地应用链式法则。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="36"/>
        <source>One expression</source>
        <translation>一个表达式</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="36"/>
        <source>&lt;b&gt;Every box is a Value.&lt;/b&gt; Below, c = a*b + b**2 is a graph of Values: each box shows its data and, under it, its grad, dc/d(that box). Drag the slider of &lt;b&gt;a&lt;/b&gt;: c moves, but a.grad stays equal to b, because dc/da = b. Drag &lt;b&gt;b&lt;/b&gt;: a.grad follows it, and b.grad = a + 2b. Click a node: the inspector puts its gradient beside the numerical one, (f(x+h) − f(x−h)) / 2h. Press &lt;b&gt;Backward step&lt;/b&gt; to apply the chain rule one node at a time. Then type your own expression.</source>
        <translation>&lt;b&gt;每个方框都是一个 Value。&lt;/b&gt;下方的 c = a*b + b**2 是一张由 Value 组成的图：每个方框显示它的 data，下面是它的 grad，即 dc/d(这个方框)。拖动 &lt;b&gt;a&lt;/b&gt; 的滑块：c 随之变化，但 a.grad 始终等于 b，因为 dc/da = b。拖动 &lt;b&gt;b&lt;/b&gt;：a.grad 跟着变，而 b.grad = a + 2b。单击一个节点：检查器把它的梯度和数值梯度 (f(x+h) − f(x−h)) / 2h 并排显示。按&lt;b&gt;反向一步&lt;/b&gt;，一次一个节点地应用链式法则。然后输入你自己的表达式。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="44"/>
        <source>One neuron</source>
        <translation>一个神经元</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="44"/>
        <source>&lt;b&gt;Karpathy&apos;s neuron.&lt;/b&gt; o = tanh(x1·w1 + x2·w2 + b) with Karpathy&apos;s numbers: o = 0.7071, x1.grad = −1.5, w1.grad = 1.0. x2 is 0, so w2.grad is 0: drag &lt;b&gt;x2&lt;/b&gt; away from 0 and w2 gets a gradient. Drag &lt;b&gt;b&lt;/b&gt; up to 10: o nears 1, tanh flattens and every gradient shrinks toward 0, a saturated neuron hardly learns. Under &lt;b&gt;Examples&lt;/b&gt;, choose the neuron with tanh written with exp: more nodes, the same gradients.</source>
        <translation>&lt;b&gt;Karpathy 的神经元。&lt;/b&gt;o = tanh(x1·w1 + x2·w2 + b)，使用 Karpathy 的数值：o = 0.7071，x1.grad = −1.5，w1.grad = 1.0。x2 为 0，所以 w2.grad 为 0：把 &lt;b&gt;x2&lt;/b&gt; 拖离 0，w2 就有了梯度。把 &lt;b&gt;b&lt;/b&gt; 拖到 10：o 接近 1，tanh 变平，所有梯度都缩向 0，饱和的神经元几乎学不到东西。在&lt;b&gt;示例&lt;/b&gt;中选择用 exp 写 tanh 的神经元：节点更多，梯度相同。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="59"/>
        <source>&lt;b&gt;Karpathy&apos;s micrograd demo.&lt;/b&gt; A 2-16-16-1 ReLU network with a max-margin loss and SGD with a decaying learning rate. Within 100 steps it gets every point right, or all but one or two: try &lt;b&gt;Step ×10&lt;/b&gt; ten times.</source>
        <translation>&lt;b&gt;Karpathy 的 micrograd 演示。&lt;/b&gt;一个 2-16-16-1 的 ReLU 网络，使用最大间隔损失和学习率逐渐衰减的 SGD。100 步之内，它会把所有点都分对，最多错一两个：试着按十次&lt;b&gt;十步&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="72"/>
        <source>&lt;b&gt;One hidden layer bends the boundary.&lt;/b&gt; Four tanh neurons solve XOR: within 300 steps over 90 % of the training points are right, usually 98–100 %. Set &lt;b&gt;Hidden layers&lt;/b&gt; to 0 and press &lt;b&gt;R&lt;/b&gt; to compare.</source>
        <translation>&lt;b&gt;一个隐藏层就能让边界弯曲。&lt;/b&gt;四个 tanh 神经元就能解决异或：300 步之内，超过 90 % 的训练点会被分对，通常是 98–100 %。把&lt;b&gt;隐藏层&lt;/b&gt;设为 0，按 &lt;b&gt;R&lt;/b&gt; 对比一下。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="78"/>
        <source>Rings with x² and y²</source>
        <translation>用 x² 和 y² 分开圆环</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="87"/>
        <source>&lt;b&gt;Too big a step.&lt;/b&gt; SGD with momentum at learning rate 20 and the reference softmax (no max shift). Press &lt;b&gt;Space&lt;/b&gt;: the loss swings wildly, then blows up within 100 steps; training stops, the last good weights come back and the window says why. Then press &lt;b&gt;R&lt;/b&gt;, set the &lt;b&gt;Learning rate&lt;/b&gt; to 0.05 and press &lt;b&gt;Space&lt;/b&gt;: the loss falls, and within 200 steps over 90 % of the training points are right.</source>
        <translation>&lt;b&gt;步子迈得太大。&lt;/b&gt;带动量的 SGD，学习率为 20，使用参考实现的 softmax（不减去最大值）。按&lt;b&gt;空格键&lt;/b&gt;：损失剧烈震荡，然后在 100 步之内爆炸；训练停止，权重恢复到最后一组正常的值，窗口会说明原因。然后按 &lt;b&gt;R&lt;/b&gt;，把&lt;b&gt;学习率&lt;/b&gt;设为 0.05，再按&lt;b&gt;空格键&lt;/b&gt;：损失下降，200 步之内超过 90 % 的训练点会被分对。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="96"/>
        <source>Spiral: depth learns faster</source>
        <translation>螺旋：深度学得更快</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="96"/>
        <source>&lt;b&gt;Depth speeds learning.&lt;/b&gt; Three spiral arms with two hidden layers of 16. Press &lt;b&gt;Space&lt;/b&gt;: within 150 steps every training point is right, usually within 100. Then set &lt;b&gt;Hidden layers&lt;/b&gt; to 1, press &lt;b&gt;R&lt;/b&gt; and &lt;b&gt;Space&lt;/b&gt;: one layer of 16 gets there too, but takes about twice as many steps or more.</source>
        <translation>&lt;b&gt;深度让学习更快。&lt;/b&gt;三条螺旋臂，两个各有 16 个神经元的隐藏层。按&lt;b&gt;空格键&lt;/b&gt;：150 步之内所有训练点都会被分对，通常不到 100 步。然后把&lt;b&gt;隐藏层&lt;/b&gt;设为 1，按 &lt;b&gt;R&lt;/b&gt; 再按&lt;b&gt;空格键&lt;/b&gt;：只有一层 16 个神经元也能做到，但要多花大约一倍甚至更多的步数。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="103"/>
        <source>Place your own points</source>
        <translation>自己放置数据点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/lessons.py" line="103"/>
        <source>&lt;b&gt;Your data.&lt;/b&gt; Click to add points of the active class (keys &lt;b&gt;1&lt;/b&gt;–&lt;b&gt;6&lt;/b&gt;), drag to move, right-click to remove. Play needs points of two classes.</source>
        <translation>&lt;b&gt;你自己的数据。&lt;/b&gt;单击添加当前类别的点（按键 &lt;b&gt;1&lt;/b&gt;–&lt;b&gt;6&lt;/b&gt; 选择类别），拖动可以移动，右键单击删除。至少需要两个类别的点才能开始训练。</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="51"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="52"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="61"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="62"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="63"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="69"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="71"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="73"/>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="131"/>
        <source>accuracy: {values}</source>
        <translation>准确率：{values}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="128"/>
        <source>train {acc}</source>
        <translation>训练 {acc}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="128"/>
        <source>val {acc}</source>
        <translation>验证 {acc}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/loss_plot.py" line="128"/>
        <source>test {acc}</source>
        <translation>测试 {acc}</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <location filename="../../micrograd_gui/core/losses.py" line="15"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/losses.py" line="16"/>
        <source>Hinge (max-margin)</source>
        <translation>合页损失（最大间隔）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/losses.py" line="17"/>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="38"/>
        <source>micrograd GUI: watch backprop learn</source>
        <translation>micrograd GUI：观看反向传播如何学习</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="60"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="62"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="64"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="70"/>
        <source>Computation graph of the probe point&apos;s loss</source>
        <translation>探针点损失的计算图</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="73"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="76"/>
        <source>Optimizer state</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/main_window.py" line="79"/>
        <source>Scratchpad: type an expression, drag its leaves</source>
        <translation>草稿板：输入表达式，拖动它的叶子节点</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="52"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="53"/>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="54"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="57"/>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="58"/>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="60"/>
        <source>&amp;Import points (CSV)…</source>
        <translation>导入数据点 (CSV)(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="61"/>
        <source>&amp;Export points (CSV)…</source>
        <translation>导出数据点 (CSV)(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="62"/>
        <source>Export the &amp;plane as PNG…</source>
        <translation>将平面导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="63"/>
        <source>Export the &amp;window as PNG…</source>
        <translation>将窗口导出为 PNG(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="65"/>
        <source>Export a pa&amp;nel as PNG</source>
        <translation>将面板导出为 PNG(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="68"/>
        <source>&amp;Record the plane (GIF or PNG frames)</source>
        <translation>录制平面（GIF 或 PNG 帧）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="72"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="74"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="79"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="80"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="81"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="84"/>
        <source>&amp;Clear points</source>
        <translation>清空数据点(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="86"/>
        <source>Class {n}</source>
        <translation>第 {n} 类</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="89"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="90"/>
        <source>&amp;Play / Pause</source>
        <translation>开始 / 暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="92"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="93"/>
        <source>Step ×&amp;10</source>
        <translation>十步(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="94"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="97"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="98"/>
        <source>&amp;Shortcuts and how-to</source>
        <translation>快捷键和使用方法(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="99"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="119"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="121"/>
        <source>Decision &amp;regions</source>
        <translation>决策区域(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="123"/>
        <source>&amp;Hard argmax regions</source>
        <translation>硬 argmax 区域(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="125"/>
        <source>0.5 &amp;contour</source>
        <translation>0.5 等高线(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="128"/>
        <source>Colour-&amp;blind-safe palette</source>
        <translation>色盲友好配色(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="131"/>
        <source>Show &amp;validation points</source>
        <translation>显示验证点(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="134"/>
        <source>Show t&amp;est points</source>
        <translation>显示测试点(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="136"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="138"/>
        <source>&amp;Teacher mode…</source>
        <translation>教师模式(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="143"/>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="144"/>
        <source>Argmax</source>
        <translation>Argmax</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="145"/>
        <source>0.5 contour</source>
        <translation>0.5 等高线</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="146"/>
        <source>Validation</source>
        <translation>验证点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="147"/>
        <source>Test</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="153"/>
        <source>Computation &amp;graph</source>
        <translation>计算图(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="158"/>
        <source>&amp;Network view</source>
        <translation>网络视图(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="159"/>
        <source>&amp;Optimizer state</source>
        <translation>优化器状态(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="160"/>
        <source>&amp;Scratchpad</source>
        <translation>草稿板(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="179"/>
        <source>&amp;Language</source>
        <translation>语言 Language(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="231"/>
        <source>Shortcuts and how-to</source>
        <translation>快捷键和使用方法</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="235"/>
        <source>About micrograd GUI</source>
        <translation>关于 micrograd GUI</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/menus.py" line="236"/>
        <source>micrograd GUI {version}
A scalar autograd engine you can watch learn.</source>
        <translation>micrograd GUI {version}
一个可以看着它学习的标量自动微分引擎。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../micrograd_gui/ui/message_bar.py" line="33"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="158"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="158"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="159"/>
        <source>hidden {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="347"/>
        <source>gradient (last step) {value}</source>
        <translation>梯度（上一步）{value}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="348"/>
        <source>Click to type a new weight</source>
        <translation>单击输入新的权重</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="351"/>
        <source>{name}: the point&apos;s {axis} coordinate (input)</source>
        <translation>{name}：点的 {axis} 坐标（输入）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="353"/>
        <source>output (logit, linear)</source>
        <translation>输出（logit，线性）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="354"/>
        <source>{kind} neuron, hidden layer {n}</source>
        <translation>{kind} 神经元，第 {n} 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="356"/>
        <source>bias {name} = {value} · gradient {grad}</source>
        <translation>偏置 {name} = {value} · 梯度 {grad}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_canvas.py" line="359"/>
        <source>Click: show its map large and all its lines · double-click: type a new bias</source>
        <translation>单击：放大显示它的图并画出它的全部连线 · 双击：输入新的偏置</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="141"/>
        <source>Show gradients</source>
        <translation>显示梯度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="143"/>
        <source>Colour and thicken the connections by dLoss/dw of the last step instead of by the weights</source>
        <translation>按上一步的 dLoss/dw（而不是权重）给连线着色和加粗</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="148"/>
        <source>Lines: automatic</source>
        <translation>连线：自动</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="148"/>
        <source>Lines: all</source>
        <translation>连线：全部</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="149"/>
        <source>Lines: each neuron&apos;s {n} strongest</source>
        <translation>连线：每个神经元最强的 {n} 条</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="150"/>
        <source>Lines: above ¼ of the strongest</source>
        <translation>连线：超过最强者 ¼ 的</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="152"/>
        <source>Which connections are drawn. Automatic: all of them in a small network; from {width} neurons a layer, each neuron&apos;s {n} strongest in and out. Hover a neuron to see all of its lines; click it to keep them shown.</source>
        <translation>画出哪些连接。自动：小网络画出全部；每层达到 {width} 个神经元时，只画每个神经元输入和输出中最强的 {n} 条。悬停在神经元上可看到它的全部连线；单击则保持显示。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="160"/>
        <source>Each square is a neuron&apos;s output over the whole plane (blue negative, white zero, red positive). Hover a line or a neuron for its value; click a line or double-click a neuron to type a new weight or bias; click a neuron to see its map large.</source>
        <translation>每个方块是一个神经元在整个平面上的输出（蓝色为负，白色为零，红色为正）。悬停在连线或神经元上查看数值；单击连线或双击神经元，输入新的权重或偏置；单击神经元，放大查看它的输出图。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="278"/>
        <source>no gradient yet: take a step</source>
        <translation>还没有梯度：先训练一步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="280"/>
        <source>width ∝ √|{what}|, widest {widest}</source>
        <translation>线宽 ∝ √|{what}|，最宽 {widest}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="285"/>
        <source>each neuron&apos;s {n} strongest</source>
        <translation>每个神经元最强的 {n} 条</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="286"/>
        <source>above ¼ of the strongest</source>
        <translation>超过最强者 ¼ 的</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="286"/>
        <source>the strongest</source>
        <translation>最强的</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="287"/>
        <source> · {drawn} of {total} lines ({shown}): hover a neuron for all its lines</source>
        <translation> · 共 {total} 条连线中的 {drawn} 条（{shown}）：悬停在神经元上可看到它的全部连线</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="289"/>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="289"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="324"/>
        <source>Blue {blue} · white {white} · red {red}. This map: {lo} to {hi}, on a {n}² grid.</source>
        <translation>蓝 {blue} · 白 {white} · 红 {red}。本图：{lo} 到 {hi}，网格 {n}²。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="400"/>
        <source>“{text}” is not a number: {name} was kept.</source>
        <translation>“{text}”不是数字：{name} 保持不变。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="402"/>
        <source>{name} must be a finite number of at most {limit} in size: it was kept.</source>
        <translation>{name} 必须是绝对值不超过 {limit} 的有限数：已保持不变。</translation>
    </message>
</context>
<context>
    <name>NeuronDetail</name>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="58"/>
        <source>Close the large map (Esc)</source>
        <translation>关闭放大图（Esc）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="81"/>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/network_view.py" line="84"/>
        <source>Type a new bias and press Enter (Ctrl+Z undoes it)</source>
        <translation>输入新的偏置并按回车（Ctrl+Z 撤销）</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="75"/>
        <source>data {value}</source>
        <translation>数据 {value}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="76"/>
        <source>grad {value}</source>
        <translation>梯度 {value}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="59"/>
        <source>value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../micrograd_gui/ui/fields.py" line="65"/>
        <source>{name}: &apos;{text}&apos; is not a number.</source>
        <translation>{name}：“{text}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/fields.py" line="67"/>
        <source>{name} must be a finite number.</source>
        <translation>{name}必须是有限的数。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/fields.py" line="71"/>
        <source>{name} must be above {lo} and at most {hi}.</source>
        <translation>{name}必须大于 {lo} 且不超过 {hi}。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/fields.py" line="73"/>
        <source>{name} must be at least {lo} and at most {hi}.</source>
        <translation>{name}必须在 {lo} 到 {hi} 之间。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/fields.py" line="89"/>
        <source>{why} Kept {value}.</source>
        <translation>{why}保持 {value}。</translation>
    </message>
</context>
<context>
    <name>OptimizerTable</name>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="168"/>
        <source>The optimizer&apos;s state appears after the table is shown.</source>
        <translation>显示此表后会出现优化器的状态。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="189"/>
        <source>{optimizer}, lr {lr} (decaying), after step {step} · {n} parameters · the {top} largest |update| are highlighted · click a column title to sort</source>
        <translation>{optimizer}，学习率 {lr}（衰减中），第 {step} 步之后 · {n} 个参数 · 高亮显示 |更新量| 最大的 {top} 个 · 单击列标题排序</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="191"/>
        <source>{optimizer}, lr {lr}, after step {step} · {n} parameters · the {top} largest |update| are highlighted · click a column title to sort</source>
        <translation>{optimizer}，学习率 {lr}，第 {step} 步之后 · {n} 个参数 · 高亮显示 |更新量| 最大的 {top} 个 · 单击列标题排序</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <location filename="../../micrograd_gui/core/optim.py" line="14"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/optim.py" line="15"/>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/optim.py" line="16"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <location filename="../../micrograd_gui/ui/param_editor.py" line="27"/>
        <source>New value of {name}: Enter applies (Ctrl+Z undoes it), Esc cancels</source>
        <translation>{name} 的新值：回车应用（Ctrl+Z 撤销），Esc 取消</translation>
    </message>
</context>
<context>
    <name>ParameterModel</name>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="19"/>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="19"/>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="20"/>
        <source>grad</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="20"/>
        <source>update</source>
        <translation>更新量</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="25"/>
        <source>AdamW&apos;s first moment: a running mean of the gradient</source>
        <translation>AdamW 的一阶矩：梯度的滑动平均</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="26"/>
        <source>AdamW&apos;s second moment: a running mean of the squared gradient</source>
        <translation>AdamW 的二阶矩：梯度平方的滑动平均</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="27"/>
        <source>The momentum buffer: buf = momentum × buf + grad</source>
        <translation>动量缓冲：buf = momentum × buf + grad</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="28"/>
        <source>SGD with momentum keeps no second moment</source>
        <translation>带动量的 SGD 不保存二阶矩</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="29"/>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="30"/>
        <source>Plain SGD keeps no state</source>
        <translation>普通 SGD 不保存状态</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="61"/>
        <source>momentum buf</source>
        <translation>动量缓冲</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="64"/>
        <source>w[layer][neuron][input] or b[layer][neuron]</source>
        <translation>w[层][神经元][输入] 或 b[层][神经元]</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="64"/>
        <source>The parameter now</source>
        <translation>参数的当前值</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="65"/>
        <source>dLoss/dparameter of the last step</source>
        <translation>上一步的 dLoss/d参数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/optimizer_table.py" line="66"/>
        <source>How much the last step changed the parameter (new − old)</source>
        <translation>上一步对参数的改变量（新 − 旧）</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="24"/>
        <source>LLM101n yin-yang</source>
        <translation>LLM101n 阴阳</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="25"/>
        <source>LLM101n chapter 2: yin-yang, MLP 2-8-3 (tanh), reference cross-entropy, AdamW, 100 steps.</source>
        <translation>LLM101n 第 2 章：阴阳数据集，MLP 2-8-3（tanh），参考实现的交叉熵，AdamW，100 步。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="29"/>
        <source>micrograd moons demo</source>
        <translation>micrograd 双月演示</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="30"/>
        <source>karpathy/micrograd&apos;s demo: moons, MLP 2-16-16-1 (relu), hinge + L2, SGD with linear decay.</source>
        <translation>karpathy/micrograd 的演示：双月数据集，MLP 2-16-16-1（relu），合页损失 + L2，学习率线性衰减的 SGD。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="36"/>
        <source>Quadrants</source>
        <translation>象限</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="37"/>
        <source>Three regions split by the axes: one hidden layer is plenty.</source>
        <translation>由坐标轴分开的三个区域：一个隐藏层就足够了。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="39"/>
        <source>Rings</source>
        <translation>圆环</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="40"/>
        <source>Concentric rings: the network has to learn a radius.</source>
        <translation>同心圆环：网络必须学会半径。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="42"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="43"/>
        <source>Three interleaved arms: two hidden layers learn them faster than one.</source>
        <translation>三条交错的螺旋臂：两个隐藏层比一个学得更快。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="46"/>
        <source>XOR</source>
        <translation>异或 (XOR)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="47"/>
        <source>XOR cannot be separated by a line: a hidden layer is required.</source>
        <translation>异或无法用一条直线分开：需要一个隐藏层。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="49"/>
        <source>Gaussian blobs</source>
        <translation>高斯团</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="50"/>
        <source>Two Gaussian clouds: even a linear model separates them.</source>
        <translation>两团高斯分布的点：连线性模型都能把它们分开。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="52"/>
        <source>Place your own points</source>
        <translation>自己放置数据点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/presets.py" line="53"/>
        <source>An empty plane: click to add points, 1-6 picks the class.</source>
        <translation>一个空白平面：单击添加点，按 1-6 选择类别。</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <location filename="../../micrograd_gui/ui/exports.py" line="129"/>
        <location filename="../../micrograd_gui/ui/recording_save.py" line="75"/>
        <source>nothing was recorded</source>
        <translation>没有录制到任何内容</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="26"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="26"/>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="27"/>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="28"/>
        <source>intermediate</source>
        <translation>中间值</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/graph_items.py" line="29"/>
        <source>neuron</source>
        <translation>神经元</translation>
    </message>
</context>
<context>
    <name>ScratchError</name>
    <message>
        <location filename="../../micrograd_gui/core/scratch/builder.py" line="64"/>
        <source>{name} must be a finite number, got {value}</source>
        <translation>{name} 必须是有限的数，得到的是 {value}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/builder.py" line="85"/>
        <source>this is a number, not a Value</source>
        <translation>这是一个数，不是 Value</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/builder.py" line="123"/>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/builder.py" line="126"/>
        <source>{op} overflows: the result is too large for a float</source>
        <translation>{op} 溢出：结果太大，浮点数放不下</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="47"/>
        <source>the result is too large for a float</source>
        <translation>结果太大，浮点数放不下</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="48"/>
        <source>a negative number cannot be raised to a non-integer power</source>
        <translation>负数不能取非整数次幂</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="49"/>
        <source>{name} is not defined yet: assign it on an earlier line</source>
        <translation>{name} 尚未定义：请在前面的行里给它赋值</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="59"/>
        <source>nothing to build: write an assignment such as a = Value(2.0)</source>
        <translation>没有可构建的内容：请写一个赋值，例如 a = Value(2.0)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="62"/>
        <source>this would build {nodes:,} nodes; the Scratchpad stops at {limit:,}</source>
        <translation>这将构建 {nodes:,} 个节点；草稿板最多 {limit:,} 个</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="126"/>
        <source>assign one name at a time (a = b = ... is not allowed)</source>
        <translation>一次只能给一个名字赋值（不允许 a = b = ...）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="140"/>
        <source>backward() runs by itself from the last assignment: remove this line</source>
        <translation>backward() 会从最后一个赋值自动运行：请删除这一行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="143"/>
        <source>only assignments are allowed: give this a name, as in out = ...</source>
        <translation>只允许赋值：请给它起个名字，例如 out = ...</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="150"/>
        <source>assign one name at a time (a, b = ... is not allowed)</source>
        <translation>一次只能给一个名字赋值（不允许 a, b = ...）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="153"/>
        <source>only a plain name can be assigned to, as in a = ...</source>
        <translation>只能给普通名字赋值，例如 a = ...</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="157"/>
        <source>{name} is the Scratchpad&apos;s own: choose another name</source>
        <translation>{name} 是草稿板自带的名字：请换一个名字</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="180"/>
        <source>{name} must be called, as in {name}(...)</source>
        <translation>{name} 必须调用，例如 {name}(...)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="201"/>
        <source>.{method} must be called: write .{method}()</source>
        <translation>.{method} 必须调用：请写 .{method}()</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="240"/>
        <source>the exponent must be a number written out, as in x**2 or x**-0.5</source>
        <translation>指数必须是直接写出的数，例如 x**2 或 x**-0.5</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="243"/>
        <source>the exponent must be between -{limit} and {limit}, got {k}</source>
        <translation>指数必须在 -{limit} 到 {limit} 之间，得到的是 {k}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="262"/>
        <source>numbers must be finite and smaller than 1e300 in size</source>
        <translation>数必须是有限的，且绝对值小于 1e300</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="268"/>
        <source>names starting with __ are not allowed</source>
        <translation>不允许以 __ 开头的名字</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="281"/>
        <source>.{method}() takes no arguments</source>
        <translation>.{method}() 不接受参数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="285"/>
        <source>.{method}() works on Values, not on plain numbers: write Value(...).{method}()</source>
        <translation>.{method}() 作用于 Value，而不是普通的数：请写 Value(...).{method}()</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="297"/>
        <source>Value takes one number, as in Value(2.0) or Value(2.0, label=&apos;a&apos;)</source>
        <translation>Value 接受一个数，例如 Value(2.0) 或 Value(2.0, label=&apos;a&apos;)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="302"/>
        <source>Value takes only label=&apos;...&apos; as a keyword</source>
        <translation>Value 只接受 label=&apos;...&apos; 这一个关键字参数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="306"/>
        <source>Value takes a number written out, as in Value(2.0)</source>
        <translation>Value 接受直接写出的数，例如 Value(2.0)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="312"/>
        <source>the label must be text in quotes, as in label=&apos;a&apos;</source>
        <translation>标签必须是引号里的文字，例如 label=&apos;a&apos;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="315"/>
        <source>the label must be at most {limit} printable characters on one line</source>
        <translation>标签最多 {limit} 个可打印字符，且只占一行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="329"/>
        <source>sum takes no keywords: write sum([a, b, ...]) or sum(a, b, ...)</source>
        <translation>sum 不接受关键字参数：请写 sum([a, b, ...]) 或 sum(a, b, ...)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="337"/>
        <source>write sum([a, b, ...]) or sum(a, b, ...)</source>
        <translation>请写 sum([a, b, ...]) 或 sum(a, b, ...)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/compiler.py" line="339"/>
        <source>sum takes at most {limit:,} terms, got {n:,}</source>
        <translation>sum 最多接受 {limit:,} 项，得到的是 {n:,} 项</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/errors.py" line="10"/>
        <source>division by zero</source>
        <translation>除以零</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="23"/>
        <source>this is not valid Python: {why}</source>
        <translation>这不是有效的 Python：{why}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="37"/>
        <source>the text is longer than the Scratchpad&apos;s {limit:,} characters</source>
        <translation>文本超过了草稿板的 {limit:,} 个字符上限</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="43"/>
        <source>the text has {n} lines; the Scratchpad takes at most {limit}</source>
        <translation>文本有 {n} 行；草稿板最多接受 {limit} 行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="48"/>
        <source>the text contains a null character</source>
        <translation>文本中含有空字符</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="56"/>
        <source>this is not valid Python: a number has too many digits</source>
        <translation>这不是有效的 Python：某个数的位数太多</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="60"/>
        <source>the code is nested too deeply to read: give parts of it names on lines of their own</source>
        <translation>代码嵌套太深，无法读取：请把其中的部分在单独的行上命名</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="76"/>
        <source>this is nested more than {limit} levels deep: give parts of it names on lines of their own</source>
        <translation>嵌套超过 {limit} 层：请把其中的部分在单独的行上命名</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/limits.py" line="91"/>
        <source>brackets are nested more than {limit} deep: give parts of it names on lines of their own</source>
        <translation>括号嵌套超过 {limit} 层：请把其中的部分在单独的行上命名</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="14"/>
        <source>attributes are not allowed (only .tanh() .relu() .exp() .log() .sigmoid())</source>
        <translation>不允许使用属性（只能用 .tanh() .relu() .exp() .log() .sigmoid()）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="16"/>
        <source>this call is not allowed: the only calls are Value(...), sum(...) and .tanh() .relu() .exp() .log() .sigmoid()</source>
        <translation>不允许这个调用：只能调用 Value(...)、sum(...) 以及 .tanh() .relu() .exp() .log() .sigmoid()</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="18"/>
        <source>{name}() is not allowed: the only calls are Value(...), sum(...) and .tanh() .relu() .exp() .log() .sigmoid()</source>
        <translation>不允许 {name}()：只能调用 Value(...)、sum(...) 以及 .tanh() .relu() .exp() .log() .sigmoid()</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="20"/>
        <source>imports are not allowed (Value and sum are already there)</source>
        <translation>不允许 import（Value 和 sum 已经可以直接用）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="21"/>
        <source>loops are not allowed: write each step on a line of its own</source>
        <translation>不允许循环：请把每一步写在单独的一行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="22"/>
        <source>comprehensions are not allowed: list the terms, as in sum([a, b, c])</source>
        <translation>不允许推导式：请逐项列出，例如 sum([a, b, c])</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="24"/>
        <source>def is not allowed</source>
        <translation>不允许 def</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="25"/>
        <source>with is not allowed</source>
        <translation>不允许 with</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="26"/>
        <source>try is not allowed</source>
        <translation>不允许 try</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="27"/>
        <source>yield is not allowed</source>
        <translation>不允许 yield</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="28"/>
        <source>lists and tuples are only allowed inside sum([...])</source>
        <translation>列表和元组只能用在 sum([...]) 里</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="36"/>
        <source>if is not allowed: the Scratchpad builds one expression graph</source>
        <translation>不允许 if：草稿板只构建一个表达式图</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="39"/>
        <source>class is not allowed</source>
        <translation>不允许 class</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="44"/>
        <source>annotations are not allowed: write a = ...</source>
        <translation>不允许类型注解：请写 a = ...</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="45"/>
        <source>del is not allowed</source>
        <translation>不允许 del</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="49"/>
        <source>lambda is not allowed</source>
        <translation>不允许 lambda</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="54"/>
        <source>&apos;x if c else y&apos; is not allowed</source>
        <translation>不允许 &apos;x if c else y&apos;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="55"/>
        <source>comparisons are not allowed</source>
        <translation>不允许比较</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="56"/>
        <source>&apos;and&apos; and &apos;or&apos; are not allowed</source>
        <translation>不允许 &apos;and&apos; 和 &apos;or&apos;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="57"/>
        <source>dictionaries are not allowed</source>
        <translation>不允许字典</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="58"/>
        <source>sets are not allowed</source>
        <translation>不允许集合</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="59"/>
        <source>subscripts like x[0] are not allowed</source>
        <translation>不允许 x[0] 这样的下标</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="60"/>
        <source>unpacking with * is not allowed</source>
        <translation>不允许用 * 解包</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="61"/>
        <source>f-strings are not allowed</source>
        <translation>不允许 f-string</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="62"/>
        <source>the walrus operator := is not allowed</source>
        <translation>不允许海象运算符 :=</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="63"/>
        <source>await is not allowed</source>
        <translation>不允许 await</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="79"/>
        <source>&apos;{word}&apos; statements are not allowed: write lines like name = expression</source>
        <translation>不允许 &apos;{word}&apos; 语句：请写 name = expression 这样的行</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="84"/>
        <source>this kind of expression is not allowed here</source>
        <translation>这里不允许这种表达式</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="89"/>
        <source>the operator {op} is not allowed (only + - * / ** and unary -)</source>
        <translation>不允许运算符 {op}（只能用 + - * / ** 和一元 -）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="95"/>
        <source>True and False are not numbers here: write 1.0 or 0.0</source>
        <translation>True 和 False 在这里不是数：请写 1.0 或 0.0</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="97"/>
        <source>complex numbers are not allowed</source>
        <translation>不允许复数</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="99"/>
        <source>strings are only allowed as label=&apos;...&apos; in Value(...)</source>
        <translation>字符串只能作为 Value(...) 里的 label=&apos;...&apos;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="101"/>
        <source>bytes are not allowed</source>
        <translation>不允许 bytes</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/scratch/refusals.py" line="102"/>
        <source>{value} is not allowed: only numbers, names and Value(...)</source>
        <translation>不允许 {value}：只能用数、名字和 Value(...)</translation>
    </message>
</context>
<context>
    <name>Scratchpad</name>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="32"/>
        <source>c = a*b + b**2</source>
        <translation>c = a*b + b**2</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="33"/>
        <source>One neuron: o = tanh(x1*w1 + x2*w2 + b)</source>
        <translation>一个神经元：o = tanh(x1*w1 + x2*w2 + b)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="34"/>
        <source>The neuron with tanh written with exp</source>
        <translation>用 exp 写 tanh 的神经元</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="35"/>
        <source>A node used twice: b = a + a</source>
        <translation>用了两次的节点：b = a + a</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="53"/>
        <source>Examples…</source>
        <translation>示例…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="56"/>
        <source>Replace the text with a ready example (Ctrl+Z in the text brings yours back)</source>
        <translation>用现成的示例替换文本（在文本中按 Ctrl+Z 可恢复你的文本）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="59"/>
        <source>Values from the text</source>
        <translation>恢复文本中的值</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="61"/>
        <source>Put every leaf back to the number written in the text</source>
        <translation>把每个叶子节点恢复为文本中写的数值</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="68"/>
        <source>a = Value(2.0, label=&apos;a&apos;)
b = Value(-3.0, label=&apos;b&apos;)
c = a*b + b**2</source>
        <translation>a = Value(2.0, label=&apos;a&apos;)
b = Value(-3.0, label=&apos;b&apos;)
c = a*b + b**2</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="70"/>
        <source>micrograd code</source>
        <translation>micrograd 代码</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/scratchpad.py" line="237"/>
        <source>Line {line}, column {col}: {message}</source>
        <translation>第 {line} 行，第 {col} 列：{message}</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="107"/>
        <source>Could not save to {path}: {error}. Your file is unchanged.</source>
        <translation>无法保存到 {path}：{error}。你的文件没有改变。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="112"/>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="122"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="124"/>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="198"/>
        <source>micrograd GUI session (*.json)</source>
        <translation>micrograd GUI 会话 (*.json)</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="142"/>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="177"/>
        <source>Could not open {name}: {error}. Nothing was changed.</source>
        <translation>无法打开 {name}：{error}。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="197"/>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="217"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="240"/>
        <source>Autosave failed: {error}. Save your work with Ctrl+S; autosave keeps trying.</source>
        <translation>自动保存失败：{error}。请用 Ctrl+S 保存你的工作；自动保存会继续尝试。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="248"/>
        <source>Autosave is off: {folder} does not accept new files. Save your work with Ctrl+S.</source>
        <translation>自动保存已关闭：{folder} 无法写入新文件。请用 Ctrl+S 保存你的工作。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="250"/>
        <source>Autosave is off: too many windows are open. Save your work with Ctrl+S.</source>
        <translation>自动保存已关闭：打开的窗口过多。请用 Ctrl+S 保存你的工作。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="275"/>
        <source>Could not restore the autosaved session: {error}.</source>
        <translation>无法恢复自动保存的会话：{error}。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="297"/>
        <source>A session is already open in another window. This window keeps its own autosave.</source>
        <translation>另一个窗口中已打开一个会话。此窗口使用自己的自动保存。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="310"/>
        <source>%H:%M on %d %b</source>
        <translation>%m月%d日 %H:%M</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="314"/>
        <source>The app did not close normally last time. Restore the session autosaved at {when}?</source>
        <translation>上次程序没有正常关闭。要恢复 {when} 自动保存的会话吗？</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="320"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="276"/>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="320"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="330"/>
        <source>Could not remove the autosave {path}: {error}.</source>
        <translation>无法删除自动保存文件 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="345"/>
        <source>Could not import {name}: {error}</source>
        <translation>无法导入 {name}：{error}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="354"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="359"/>
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/session_actions.py" line="364"/>
        <source>Export points</source>
        <translation>导出数据点</translation>
    </message>
</context>
<context>
    <name>SlideImage</name>
    <message>
        <location filename="../../micrograd_gui/ui/slide_image.py" line="27"/>
        <source>step {n}</source>
        <translation>第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/slide_image.py" line="29"/>
        <source>train loss {loss}</source>
        <translation>训练损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/slide_image.py" line="31"/>
        <source>val loss {loss}</source>
        <translation>验证损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/slide_image.py" line="32"/>
        <source>train accuracy {acc}</source>
        <translation>训练准确率 {acc}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/slide_image.py" line="33"/>
        <source>val accuracy {acc}</source>
        <translation>验证准确率 {acc}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/slide_image.py" line="34"/>
        <source>test accuracy {acc}</source>
        <translation>测试准确率 {acc}</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../micrograd_gui/ui/status_line.py" line="27"/>
        <source>step {n}</source>
        <translation>第 {n} 步</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/status_line.py" line="28"/>
        <source>{rate} steps/s</source>
        <translation>{rate} 步/秒</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/status_line.py" line="29"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/status_line.py" line="31"/>
        <source> · val {loss}</source>
        <translation> · 验证 {loss}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/status_line.py" line="32"/>
        <source>loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
</context>
<context>
    <name>TeacherBadge</name>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_badge.py" line="24"/>
        <source>Teacher mode</source>
        <translation>教师模式</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_badge.py" line="31"/>
        <source>Locked: {controls}</source>
        <translation>已锁定：{controls}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_badge.py" line="33"/>
        <source>Hidden: {controls}</source>
        <translation>已隐藏：{controls}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_badge.py" line="34"/>
        <source>View ▸ Teacher mode… changes this.</source>
        <translation>在“视图 ▸ 教师模式…”中更改。</translation>
    </message>
</context>
<context>
    <name>TeacherDialog</name>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="24"/>
        <source>Locked by the teacher (View ▸ Teacher mode…)</source>
        <translation>已被教师锁定（视图 ▸ 教师模式…）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="28"/>
        <source>Speed limit</source>
        <translation>速度限制</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="29"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="30"/>
        <source>Optimizer and its settings</source>
        <translation>优化器及其设置</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="31"/>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="32"/>
        <source>L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="33"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="34"/>
        <source>Network: inputs, loss, layers, neurons, activation, init</source>
        <translation>网络：输入、损失、层数、神经元、激活函数、初始化</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="35"/>
        <source>Reset button</source>
        <translation>重置按钮</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="36"/>
        <source>Dataset chooser and Regenerate</source>
        <translation>数据集选择和重新生成</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="37"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="38"/>
        <source>Editing points (plane, palette, Clear, Undo)</source>
        <translation>编辑数据点（平面、类别按钮、清空、撤销）</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="95"/>
        <source>Teacher mode</source>
        <translation>教师模式</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="97"/>
        <source>&lt;b&gt;Control&lt;/b&gt;</source>
        <translation>&lt;b&gt;控件&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="98"/>
        <source>&lt;b&gt;Hide&lt;/b&gt;</source>
        <translation>&lt;b&gt;隐藏&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="99"/>
        <source>&lt;b&gt;Lock&lt;/b&gt;</source>
        <translation>&lt;b&gt;锁定&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/teacher_mode.py" line="115"/>
        <source>Choose what students can see and change. Saved with the session.</source>
        <translation>选择学生可以看到和修改的内容。随会话一起保存。</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="40"/>
        <source>There are no training points yet: click on the plot to add some, or choose a dataset and press Regenerate.</source>
        <translation>还没有训练数据点：在图上单击添加一些，或者选择一个数据集并按“重新生成”。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="44"/>
        <source>All training points are class {label}: add points of at least one other class.</source>
        <translation>所有训练数据点都属于第 {label} 类：请至少再添加一个其他类别的点。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="48"/>
        <source>The data has {classes} classes but the model outputs {outputs}: reset to grow the output layer.</source>
        <translation>数据有 {classes} 个类别，但模型只有 {outputs} 个输出：请重置以扩大输出层。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="61"/>
        <source>Training stopped at step {step}: the loss could not be computed ({detail}). The weights were restored to their last finite values. The learning rate ({lr:g}) is probably too high; lower it and press Play again.</source>
        <translation>训练在第 {step} 步停止：无法计算损失（{detail}）。权重已恢复为最后一组有限的值。学习率（{lr:g}）可能太大了；请调低后再按开始。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="65"/>
        <source>Training stopped at step {step}: the loss became NaN. The weights were restored to their last finite values. The learning rate ({lr:g}) is probably too high; lower it and press Play again.</source>
        <translation>训练在第 {step} 步停止：损失变成了 NaN。权重已恢复为最后一组有限的值。学习率（{lr:g}）可能太大了；请调低后再按开始。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="68"/>
        <source>Training stopped at step {step}: the loss became infinite. The weights were restored to their last finite values. The learning rate ({lr:g}) is probably too high; lower it and press Play again.</source>
        <translation>训练在第 {step} 步停止：损失变成了无穷大。权重已恢复为最后一组有限的值。学习率（{lr:g}）可能太大了；请调低后再按开始。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="71"/>
        <source>Training stopped at step {step}: the loss was finite but a gradient became infinite or NaN. The weights were restored to their last finite values. The learning rate ({lr:g}) is probably too high; lower it and press Play again.</source>
        <translation>训练在第 {step} 步停止：损失是有限的，但某个梯度变成了无穷大或 NaN。权重已恢复为最后一组有限的值。学习率（{lr:g}）可能太大了；请调低后再按开始。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="75"/>
        <source>Training stopped at step {step}: the loss and its gradients were finite, but the update made a weight or the optimizer&apos;s state infinite. The weights were restored to their last finite values. The learning rate ({lr:g}) is probably too high; lower it and press Play again.</source>
        <translation>训练在第 {step} 步停止：损失和梯度都是有限的，但这次更新让某个权重或优化器的状态变成了无穷大。权重已恢复为最后一组有限的值。学习率（{lr:g}）可能太大了；请调低后再按开始。</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/core/trainer.py" line="83"/>
        <source>Training stopped at step {step}: the loss or a gradient is not finite, and the last finite weights are themselves too extreme to train from, so a lower learning rate will not help. Press Reset (R) for fresh weights, then press Play.</source>
        <translation>训练在第 {step} 步停止：损失或某个梯度不是有限值，而最后一组有限的权重本身就过于极端，无法从这里继续训练，调低学习率也无济于事。请按重置（R）换一组新的权重，然后再按开始。</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <location filename="../../micrograd_gui/ui/worker.py" line="35"/>
        <source>Training stopped by an unexpected error: {error}</source>
        <translation>训练因意外错误而停止：{error}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/worker.py" line="172"/>
        <source>The session could not be restored: {error}</source>
        <translation>无法恢复会话：{error}</translation>
    </message>
</context>
<context>
    <name>ValueGraphPanel</name>
    <message>
        <location filename="../../micrograd_gui/ui/value_graph_panel.py" line="32"/>
        <source>find a node by its label: a, b, out …</source>
        <translation>按标签查找节点：a、b、out …</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/value_graph_panel.py" line="62"/>
        <source>Every grad is 0: call backward() on the root first, or press Backward step to replay backprop here.</source>
        <translation>所有梯度都是 0：请先对根节点调用 backward()，或按“反向一步”在此重放反向传播。</translation>
    </message>
</context>
<context>
    <name>ValueGraphWindow</name>
    <message>
        <location filename="../../micrograd_gui/ui/value_graph_window.py" line="26"/>
        <source>micrograd graph — {name}</source>
        <translation>micrograd 计算图 — {name}</translation>
    </message>
    <message>
        <location filename="../../micrograd_gui/ui/value_graph_window.py" line="26"/>
        <source>root</source>
        <translation>根节点</translation>
    </message>
</context>
</TS>

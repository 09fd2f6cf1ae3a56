# The benchmark's chart (scripts/bench): answers per second and p99 latency of each operation, second by
# second, over the whole run, and the CPU the processes used; a faint line where each step began.
#   gnuplot -e "data='series.csv'; phases='phases.gp'; out='chart.png'; heading='...'" chart.gnuplot
set datafile separator ','
set datafile columnheaders
set terminal pngcairo size 1400,1150 font 'DejaVu Sans,10'
set output out
stats data using 't' nooutput
set xrange [0:STATS_max]
set multiplot layout 3,1 title heading font ',13'
set key outside right top
set grid
set xlabel 'seconds since the driver started'
set lmargin 10
set rmargin 32
load phases

ops = 'trivial menu menu-direct session-read order advance'
label(i) = word('trivial menu menu(direct) session-read order advance', i)

set title 'answers per second'
set ylabel 'req/s'
set logscale y
set yrange [1:*]
plot for [i=1:words(ops)] data using 't':(column(word(ops, i).'_rps') > 0 ? column(word(ops, i).'_rps') : NaN) \
    with lines lw 1.5 title label(i)

unset label
set title 'p99 latency of each second (ms, log scale)'
set ylabel 'ms'
set yrange [0.5:*]
plot for [i=1:words(ops)] data using 't':(column(word(ops, i).'_p99')) with lines lw 1.5 title label(i)

unset logscale y
set title 'CPU cores used (left), and the load average (right)'
set ylabel 'cores'
set yrange [0:*]
set y2label 'load average'
set y2range [0:*]
set y2tics
plot data using 't':'cores_services' with lines lw 1.5 title 'the five services', \
     data using 't':'cores_postgres' with lines lw 1.5 title 'PostgreSQL', \
     data using 't':'cores_redis_rabbitmq' with lines lw 1.5 title 'Redis + RabbitMQ', \
     data using 't':'cores_driver' with lines lw 1.5 title 'driver', \
     data using 't':'cores_other' with lines lw 1.5 title 'other work', \
     data using 't':'load1' axes x1y2 with lines lw 1 dt 2 lc rgb 'black' title 'load average (1 min)'
unset multiplot

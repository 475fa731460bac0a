#!/usr/bin/perl
# Maps every symbol the kernel source exports to the Kconfig option that builds it, so that a
# driver built against the kit can be told which option would provide a symbol the kit lacks.
#   symbol-options.pl SRC_DIR SYMBOLS_OUT OPTIONS_OUT
# SYMBOLS_OUT: "symbol<TAB>CONFIG_OPTION<TAB>source file", one line per exporting file.
# OPTIONS_OUT: "CONFIG_OPTION<TAB>prompt|hidden<TAB>depends on<TAB>selected by", for those options.
# The option of a source file is the innermost condition Kbuild builds it under: its own
# obj-$(CONFIG_X) line, the composite object it is part of, an ifdef around the line, or the
# directory's obj-$(CONFIG_X) += dir/ line in its parent. Only perl-base is needed.
use strict;
use warnings;

my ($src, $symbols_out, $options_out) = @ARGV;
die "usage: $0 SRC_DIR SYMBOLS_OUT OPTIONS_OUT\n" unless defined $options_out;
chdir $src or die "cannot enter $src: $!\n";

my $ARCH = 'riscv';
# The kernel's build goes through these top-level directories; the other architectures' code
# is never built here.
my @TREES = grep { -d } qw(block certs crypto drivers fs init io_uring ipc kernel lib mm net security
    sound virt), "arch/$ARCH";

my %object_option;   # dir/x.o -> option ('y' when unconditional)
my %directory_option; # dir -> option of the "obj-... += dir/" line in its parent
my %composite_of;    # dir/x.o -> [dir/parent.o, option of that line]
my %parsed;

# Words that end in -y/-objs/-$(CONFIG_X) but are not composite objects.
my %NOT_COMPOSITE = map { $_ => 1 } qw(obj lib ccflags asflags ldflags subdir-ccflags subdir-asflags
    always extra targets hostprogs userprogs clean-files header-test subdir real-obj multi-obj);

sub makefile_of {
    my ($dir) = @_;
    for my $name ('Kbuild', 'Makefile') {
        my $file = $dir eq '.' ? $name : "$dir/$name";
        return $file if -f $file;
    }
    return undef;
}

sub first_option {
    my ($text) = @_;
    return $text =~ /\b(CONFIG_\w+)/ ? $1 : undef;
}

sub parse_makefile {
    my ($dir) = @_;
    return if $parsed{$dir}++;
    my $file = makefile_of($dir) or return;
    open(my $in, '<', $file) or return;
    my $text = do { local $/; <$in> };
    close $in;
    $text =~ s/\\\n/ /g;
    my @conditions;
    for my $line (split /\n/, $text) {
        $line =~ s/(?<!\\)#.*//;
        next if $line =~ /^\s*$/;
        if ($line =~ /^\s*(ifn?def)\s+(\S+)/) {
            push @conditions, ($1 eq 'ifdef' ? first_option($2) : undef);
        } elsif ($line =~ /^\s*ifeq\s*(.*)/) {
            my $test = $1;
            push @conditions, ($test =~ /,\s*y\s*\)/ || $test =~ /,\s*\$\(CONFIG/ ? first_option($test) : undef);
        } elsif ($line =~ /^\s*ifneq\s*(.*)/) {
            my $test = $1;
            push @conditions, ($test =~ /,\s*\)/ ? first_option($test) : undef);
        } elsif ($line =~ /^\s*else\b/) {
            $conditions[-1] = undef if @conditions;
        } elsif ($line =~ /^\s*endif\b/) {
            pop @conditions;
        } elsif ($line =~ /^\s*([A-Za-z0-9_.-]+?)-(objs|y|m|\$\([^)]*\))\s*[:+?]?=\s*(.*)$/) {
            my ($name, $suffix, $words) = ($1, $2, $3);
            $words =~ s/\$\(SRCARCH\)/$ARCH/g;
            my ($enclosing) = grep { defined } reverse @conditions;
            my $option = first_option($suffix) // $enclosing // 'y';
            if ($name eq 'obj' || $name eq 'lib' || $name eq 'core' || $name eq 'drivers' || $name eq 'libs') {
                for my $word (split ' ', $words) {
                    next if $word =~ /\$/;
                    my $path = $dir eq '.' ? $word : "$dir/$word";
                    if ($path =~ s{/$}{}) {
                        $directory_option{$path} //= $option;
                    } elsif ($path =~ /\.o$/) {
                        $object_option{$path} //= $option;
                    }
                }
            } elsif (!$NOT_COMPOSITE{$name}) {
                for my $word (split ' ', $words) {
                    next unless $word =~ /\.o$/ && $word !~ /\$/;
                    $composite_of{"$dir/$word"} //= ["$dir/$name.o", $option];
                }
            }
        }
    }
}

sub parent_dir {
    my ($path) = @_;
    return $path =~ m{^(.*)/[^/]+$} ? $1 : '.';
}

sub directory_option {
    my ($dir) = @_;
    return 'y' if $dir eq '.';
    my $parent = parent_dir($dir);
    parse_makefile($parent);
    my $option = $directory_option{$dir};
    return 'y' unless defined $option;  # a top-level directory the build always enters (lib/)
    return $option eq 'y' ? directory_option($parent) : $option;
}

sub object_option {
    my ($object, $depth) = @_;
    my $dir = parent_dir($object);
    parse_makefile($dir);
    if (defined(my $option = $object_option{$object})) {
        return $option eq 'y' ? directory_option($dir) : $option;
    }
    if (my $composite = $composite_of{$object}) {
        my ($parent, $option) = @$composite;
        return $option if $option ne 'y';
        return object_option($parent, $depth + 1) if $depth < 8 && $parent ne $object;
    }
    return directory_option($dir);
}

my %seen;
open(my $exports, '-|', 'grep', '-rIoE', '--include=*.c', '--include=*.S',
    'EXPORT_SYMBOL[A-Z_]*\(\s*[A-Za-z_][A-Za-z0-9_]*', @TREES) or die "grep: $!\n";
open(my $symbols, '>', $symbols_out) or die "cannot write $symbols_out: $!\n";
my %options_used;
while (my $hit = <$exports>) {
    my ($file, $symbol) = $hit =~ /^([^:]+):EXPORT_SYMBOL[A-Z_]*\(\s*(\w+)/ or next;
    (my $object = $file) =~ s/\.[cS]$/.o/;
    my $option = object_option($object, 0);
    next if $seen{"$symbol $option"}++;
    print $symbols "$symbol\t$option\t$file\n";
    $options_used{$option} = 1 if $option ne 'y';
}
close $exports;
close $symbols or die "cannot write $symbols_out: $!\n";

# Kconfig: whether an option can be set by itself (has a prompt), what it depends on, and for
# an option without a prompt the options that select it.
my (%prompt, %depends, %selected_by);
open(my $kconfigs, '-|', 'find', '.', '-name', 'Kconfig*', '-not', '-path', './arch/*', '-o',
    '-path', "./arch/$ARCH/*", '-name', 'Kconfig*') or die "find: $!\n";
while (my $kconfig = <$kconfigs>) {
    chomp $kconfig;
    open(my $in, '<', $kconfig) or next;
    my $current;
    while (my $line = <$in>) {
        if ($line =~ /^\s*(?:menu)?config\s+(\w+)/) {
            $current = "CONFIG_$1";
        } elsif ($line =~ /^\s*(?:choice|endchoice|menu|endmenu|if|endif|source|comment)\b/) {
            undef $current;
        } elsif (defined $current) {
            if ($line =~ /^\s*(?:bool|tristate|string|int|hex)\s+"/ || $line =~ /^\s*prompt\s+"/) {
                $prompt{$current} = 1;
            } elsif ($line =~ /^\s*depends\s+on\s+(.*?)\s*$/) {
                push @{$depends{$current}}, $1;
            } elsif ($line =~ /^\s*select\s+(\w+)/) {
                push @{$selected_by{"CONFIG_$1"}}, $current;
            }
        }
    }
    close $in;
}
close $kconfigs;

open(my $options, '>', $options_out) or die "cannot write $options_out: $!\n";
for my $option (sort keys %options_used) {
    my %unique;
    my @selectors = grep { !$unique{$_}++ } @{$selected_by{$option} // []};
    printf $options "%s\t%s\t%s\t%s\n", $option, ($prompt{$option} ? 'prompt' : 'hidden'),
        join(' && ', map { "($_)" } @{$depends{$option} // []}), join(' ', @selectors);
}
close $options or die "cannot write $options_out: $!\n";
